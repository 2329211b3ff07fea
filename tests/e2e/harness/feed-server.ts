import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/**
 * A static feed host on 127.0.0.1, as docs/feed-format.md asks of one: CORS for every origin
 * (the extension fetches without host permissions), ETag / If-None-Match, and a preflight answer
 * for If-None-Match. Test controls: which directory is served, an optional delay per key shard, a
 * "hold" that parks shard requests until released, and a log of every request path (privacy checks).
 */
export interface FeedServer {
  /** URL of manifest.json. */
  manifestUrl: string;
  origin: string;
  /** Every request path, in order. */
  readonly requests: string[];
  serve(dir: string): void;
  /** Delay (ms) before answering each blacklist key shard. */
  shardDelayMs: number;
  /** Parks key-shard requests until release() (they are answered then, not dropped). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' };

export async function startFeedServer(dir: string): Promise<FeedServer> {
  let root = dir;
  let held: (() => void)[] | null = null;
  const requests: string[] = [];
  const state = { shardDelayMs: 0 };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'If-None-Match', 'access-control-max-age': '600' }).end();
      return;
    }
    requests.push(url.pathname);
    if (!url.pathname.startsWith('/feed/')) {
      res.writeHead(404, CORS).end();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice('/feed/'.length))).replace(/^(\.\.[/\\])+/, '');
    const isShard = rel.startsWith('blacklist/keys/');
    if (isShard && held) await new Promise<void>((resolve) => held!.push(resolve));
    if (isShard && state.shardDelayMs) await new Promise((r) => setTimeout(r, state.shardDelayMs));
    let body: Buffer;
    try {
      body = await readFile(join(root, rel));
    } catch {
      res.writeHead(404, CORS).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...CORS, etag }).end();
      return;
    }
    res.writeHead(200, { ...CORS, etag, 'content-type': rel.endsWith('.json') ? 'application/json' : 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    manifestUrl: `${origin}/feed/manifest.json`,
    requests,
    serve: (d) => {
      root = d;
    },
    get shardDelayMs() {
      return state.shardDelayMs;
    },
    set shardDelayMs(ms: number) {
      state.shardDelayMs = ms;
    },
    hold: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
