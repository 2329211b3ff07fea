import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
/** URL prefix → directory. The demo store pages are shared with `npm start`. */
const ROOTS: Record<string, string> = {
  '/demo/': join(repo, 'tests/fixtures/demo'),
  '/e2e/': join(repo, 'tests/e2e/fixtures'),
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg' };

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * A page with `n` elements in product cards and the given html at the end (for the big-page tests).
 * The cards use content-visibility: auto, as big listings do, so the page's own relayout stays cheap
 * and a responsiveness measurement sees our work rather than the page's layout.
 */
export function hugePage(n: number, tail: string): string {
  const cards: string[] = [];
  // Each card is 10 elements.
  for (let i = 0; i < n / 10; i++) {
    cards.push(`<div class="c"><a href="/item/${i}"><span>商品 ${i}</span></a><p>价格 <b>￥${(i % 500) + 9}.90</b></p><ul><li>货号 A${100000 + i}</li><li>库存 ${i % 97}</li></ul><i>包邮</i><em>热卖</em></div>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大商城 ${n}</title><style>.c{content-visibility:auto;contain-intrinsic-size:auto 90px}</style></head><body><h1>大商城</h1>${cards.join('')}${tail}</body></html>`;
}

/** Serves the fixture pages on 127.0.0.1 at a random port. */
/**
 * A demo page served under a Content-Security-Policy that forbids inline styles, inline scripts and
 * data: images, as many big shops send: our panel must still look like itself there.
 */
export function underStrictCsp(demoFile: string): () => DynamicPage {
  const body = readFileSync(join(ROOTS['/demo/']!, demoFile), 'utf8');
  return () => ({ body, headers: { 'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'" } });
}

/** A generated page, with response headers of its own when a test needs them (a CSP, say). */
export type DynamicPage = string | { body: string; headers: Record<string, string> };

export async function startFixtureServer(dynamic: Record<string, (url: URL) => DynamicPage> = {}): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const make = dynamic[url.pathname];
    if (make) {
      const page = make(url);
      const { body, headers } = typeof page === 'string' ? { body: page, headers: {} } : page;
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store', ...headers });
      res.end(body);
      return;
    }
    const prefix = Object.keys(ROOTS).find((p) => url.pathname.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(ROOTS[prefix]!, rel || 'index.html'));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
