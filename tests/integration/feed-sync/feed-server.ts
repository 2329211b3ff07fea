import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** How the test server misbehaves for the next requests. */
export type Mode = 'normal' | '404' | '500' | 'slow' | 'die-mid-shard' | 'truncate-shard';

/**
 * A real HTTP server on 127.0.0.1 (random port) serving a feed directory, with ETags and
 * If-None-Match, and switchable failures.
 */
export class FeedServer {
  dir = '';
  mode: Mode = 'normal';
  /** Overrides manifest.json's bytes (tampered / replayed manifests). */
  manifestOverride: Buffer | null = null;
  log: { path: string; status: number; ifNoneMatch: string | null }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/feed\//, '');
      const send = (status: number, body?: Buffer, headers: Record<string, string> = {}) => {
        this.log.push({ path, status, ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null });
        res.writeHead(status, headers);
        res.end(body);
      };
      if (this.mode === '404') return send(404, Buffer.from('not found'));
      if (this.mode === '500') return send(500, Buffer.from('server error'));
      let body: Buffer;
      try {
        body = path === 'manifest.json' && this.manifestOverride ? this.manifestOverride : readFileSync(join(this.dir, normalize(path)));
      } catch {
        return send(404);
      }
      const isShard = path.startsWith('blacklist/keys/');
      if (this.mode === 'slow') {
        setTimeout(() => send(200, body), 3_000).unref();
        return;
      }
      if (isShard && this.mode === 'truncate-shard') return send(200, body.subarray(0, Math.floor(body.length / 2)));
      if (isShard && this.mode === 'die-mid-shard') {
        this.log.push({ path, status: 200, ifNoneMatch: null });
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (path === 'manifest.json') {
        const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === etag) return send(304, undefined, { etag });
        return send(200, body, { etag, 'content-type': 'application/json' });
      }
      send(200, body);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed/manifest.json`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
