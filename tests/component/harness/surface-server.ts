import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** The surfaces, as their pages are laid out in the build: the page and its entry script. */
export const SURFACES = {
  popup: { page: 'extension/popup/popup.html', entry: 'extension/popup/popup.tsx' },
  options: { page: 'extension/options/options.html', entry: 'extension/options/options.tsx' },
  report: { page: 'extension/report/report.html', entry: 'extension/report/report.tsx' },
  'my-reports': { page: 'extension/report/my-reports.html', entry: 'extension/report/my-reports.tsx' },
  firstrun: { page: 'extension/firstrun/firstrun.html', entry: 'extension/firstrun/firstrun.tsx' },
} as const;
export type Surface = keyof typeof SURFACES;

const BUNDLES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SURFACES).map(([name, s]) => [name, join(repo, s.entry)])),
  panel: join(repo, 'tests/component/harness/panel-entry.ts'),
  'fake-extension': join(repo, 'tests/component/harness/fake-extension-page.ts'),
};

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png' };

export interface SurfaceServer {
  origin: string;
  /** The URL of a surface's page (with a query, e.g. `?tabId=7`). */
  url(surface: Surface, query?: string): string;
  /** A demo shop page (tests/fixtures/demo) with the panel mounted on it. */
  panelUrl(demoPage: string, query?: string): string;
  close(): Promise<void>;
}

/**
 * Bundles the surfaces' real entry files with esbuild (as Vite would, minus the extension packaging)
 * and serves them on 127.0.0.1 in their pages from the source tree, with the fake extension
 * namespace (fake-extension-page.ts) loaded first; public/ (the locales) is served at the root, as
 * in the build.
 */
export async function startSurfaceServer(): Promise<SurfaceServer> {
  const out = await build({
    entryPoints: BUNDLES,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outdir: '/bundles',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const bundles = new Map(out.outputFiles.map((f) => [f.path, Buffer.from(f.contents)]));
  const scripts = (bundle: string) => `<script src="/bundles/fake-extension.js"></script><script type="module" src="/bundles/${bundle}.js"></script>`;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (body: Buffer | string, type: string) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    const bundle = bundles.get(url.pathname);
    if (bundle) return send(bundle, TYPES['.js']!);
    const surface = Object.entries(SURFACES).find(([, s]) => `/${s.page}` === url.pathname);
    if (surface) {
      const html = await readFile(join(repo, surface[1].page), 'utf8');
      return send(html.replace(/<script type="module" src="[^"]+"><\/script>/, scripts(surface[0])), TYPES['.html']!);
    }
    if (url.pathname.startsWith('/panel/')) {
      const html = await readFile(join(repo, 'tests/fixtures/demo', normalize(url.pathname.slice('/panel/'.length)).replace(/^(\.\.[/\\])+/, '')), 'utf8').catch(() => null);
      if (html === null) return void res.writeHead(404).end();
      return send(html.replace('</body>', `${scripts('panel')}</body>`), TYPES['.html']!);
    }
    const file = join(repo, 'public', normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    const body = await readFile(file).catch(() => null);
    if (body === null) return void res.writeHead(404).end();
    send(body, TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (surface, query = '') => `${origin}/${SURFACES[surface].page}${query}`,
    panelUrl: (demoPage, query = '') => `${origin}/panel/${demoPage}${query}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
