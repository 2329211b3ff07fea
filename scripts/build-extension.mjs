// `npm run build`: builds dist/chrome and dist/firefox with vite + @crxjs (vite.config.ts reads
// TARGET), checks what must never ship (source maps, remote code, server-only or node-only modules:
// bundle-check.mjs), and zips each build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './ensure.mjs';
import { buildSync } from 'esbuild';
import { checkBundleInputs } from './bundle-check.mjs';
import { copyOcrAssets } from './ocr-assets.mjs';
import { zipDir } from './zip-dir.mjs';

export const TARGETS = ['chrome', 'firefox'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Refuses a build that would ship source maps or load code from the network. */
function audit(dir) {
  const problems = [];
  for (const file of walk(dir)) {
    const rel = relative(dir, file);
    if (rel.endsWith('.map')) problems.push(`${rel}: source map`);
    if (/\.(js|html)$/.test(rel)) {
      const text = readFileSync(file, 'utf8');
      if (/sourceMappingURL=/.test(text)) problems.push(`${rel}: sourceMappingURL comment`);
      if (/<script[^>]+src=["']https?:/i.test(text)) problems.push(`${rel}: remote script`);
      if (/import\s*\(\s*["']https?:|from\s*["']https?:/.test(text)) problems.push(`${rel}: remote import`);
    }
  }
  if (problems.length) throw new Error(`build audit failed in ${dir}:\n  ${problems.join('\n  ')}`);
}

/** The block page (src/blocking/block-page-url.ts BLOCK_PAGE_PATH). */
const BLOCK_PAGE = 'extension/block/block.html';

/** The drawing module (host, pill, toast, panel), imported by the content script the first time it draws (panel-module.ts). */
const PANEL_MODULE = { entry: 'extension/panel/panel-module.ts', out: 'extension/panel/panel.js' };

/**
 * Builds the panel module as one ES module and makes it (only it) web-accessible to the pages the
 * content script runs on, which is what lets the content script import() it. In Chrome it is only
 * reachable through the per-session dynamic id (use_dynamic_url), so a page cannot probe for it;
 * Firefox's extension ids are random per install already. Returns the modules it was built from.
 */
function buildPanelModule(target, dir) {
  const inputs = bundleOne(target, dir, PANEL_MODULE, { format: 'esm', jsx: 'automatic', jsxImportSource: 'preact' });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  // The pages the shop content script (the one that imports the panel) runs on; the registry reader's
  // hosts are among them and need no panel of their own.
  const matches = manifest.content_scripts.find((c) => c.js.some((j) => j.includes('content/content-script')))?.matches ?? [];
  const dynamic = target === 'chrome' ? { use_dynamic_url: true } : {};
  manifest.web_accessible_resources = [
    { resources: [PANEL_MODULE.out], matches, ...dynamic },
    // The block page: a page's navigation that the browser's rules redirect, and the guard's
    // location.replace(), may only land on a web-accessible page. Not behind Chrome's dynamic id:
    // the rules redirect to the address runtime.getURL gives the worker (the static id), which
    // Chrome refuses (ERR_BLOCKED_BY_CLIENT) for a use_dynamic_url resource. A page can learn from
    // it that the extension is installed, which our panel on its page tells it anyway.
    { resources: [BLOCK_PAGE], matches: ['http://*/*', 'https://*/*'] },
  ];
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
  return inputs;
}

/** Bundles one entry into one minified file of the build (esbuild); returns the modules it was built from. */
function bundleOne(target, dir, { entry, out }, options) {
  const { metafile } = buildSync({
    absWorkingDir: root,
    metafile: true,
    entryPoints: [join(root, entry)],
    outfile: join(dir, out),
    bundle: true,
    minify: true,
    legalComments: 'none',
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    logLevel: 'warning',
    ...options,
  });
  return Object.keys(metafile.inputs).map((input) => join(root, input));
}

/** The document_start guard: not in the manifest, the worker registers it when needed (guard-registration.ts). */
const GUARD_SCRIPT = { entry: 'extension/guard/navigation-guard.ts', out: 'extension/guard/navigation-guard.js' };

/** Builds the guard as one standalone script (no imports, no web-accessible chunk); returns its inputs. */
function buildGuardScript(target, dir) {
  return bundleOne(target, dir, GUARD_SCRIPT, { format: 'iife' });
}

/** Builds one target; returns its output directory. */
export async function buildTarget(target) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TARGET: target },
  });
  if (res.status !== 0) throw new Error(`vite build for ${target} failed`);
  const dir = join(root, 'dist', target);
  // @crxjs writes a dev manifest helper we do not ship.
  rmSync(join(dir, '.vite'), { recursive: true, force: true });
  const extraInputs = [...buildPanelModule(target, dir), ...buildGuardScript(target, dir)];
  copyOcrAssets(dir);
  audit(dir);
  await checkBundleInputs(target, extraInputs);
  zipDir(dir, join(root, 'dist', `liangzhao-guard-${target}.zip`));
  return dir;
}

export async function buildAll() {
  const dirs = [];
  for (const target of TARGETS) dirs.push(await buildTarget(target));
  return dirs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const dirs = await buildAll();
    for (const d of dirs) if (!existsSync(join(d, 'manifest.json'))) throw new Error(`${d}/manifest.json missing`);
    console.log(`[build] ${dirs.map((d) => relative(root, d)).join(', ')} and zips in dist/ (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (error) {
    console.error(`[build] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
