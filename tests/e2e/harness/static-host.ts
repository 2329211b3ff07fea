import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface StaticHost {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Rules of a `_headers` file: a path pattern line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/**
 * A plain static host, as a CDN or Pages would be: it serves the files of a directory with the
 * headers its `_headers` file asks for (nothing of its own: no CORS unless the file says so), answers
 * the CORS preflight, and sends ETags / 304s for If-None-Match.
 */
export async function startStaticHost(dir: string): Promise<StaticHost> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    let rules: ReturnType<typeof parseHeadersFile> = [];
    try {
      rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    } catch {
      // no _headers: plain files
    }
    const headers: Record<string, string> = {};
    for (const r of rules) if (r.pattern.endsWith('/*') ? path.startsWith(r.pattern.slice(0, -1)) : path === r.pattern) Object.assign(headers, r.headers);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'Access-Control-Allow-Methods': 'GET, HEAD' }).end();
      return;
    }
    const rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, rel));
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ...headers, ETag: etag }).end();
        return;
      }
      res.writeHead(200, { ...headers, ETag: etag, 'Content-Type': rel.endsWith('.json') ? 'application/json' : 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
