// The benches that time the built extension's own code in real Chromium (bench-block.mjs,
// bench-sync-browser.mjs) share this set-up: a copy of dist/chrome (freshly built when possible)
// with a bench page bundled into it, so that the page has the extension's origin — the same
// IndexedDB and service worker as the extension — and the browser's arguments to load it.
import { build } from 'esbuild';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './ensure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The extension with `<name>.html` running the bundle of `entry` (a path under the repository), in
 * `dir`; `tag` names the bench in the warning when the build fails and the existing dist is used.
 */
export async function benchExtension(dir, entry, name, tag) {
  try {
    await (await import('./build-extension.mjs')).buildTarget('chrome');
  } catch (error) {
    if (!existsSync(join(root, 'dist/chrome/manifest.json'))) throw error;
    console.warn(`[${tag}] build failed, using the existing dist/chrome: ${error.message}`);
  }
  cpSync(join(root, 'dist/chrome'), dir, { recursive: true });
  const bundle = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
  writeFileSync(join(dir, `${name}.js`), bundle.outputFiles[0].text);
  writeFileSync(join(dir, `${name}.html`), `<!doctype html><meta charset="utf-8"><title>${name}</title><script src="${name}.js"></script>`);
  return dir;
}

/** Headless Chromium's arguments for the extension in `dir` (ensure.mjs chromiumArgs, in the browser's own language). */
export const benchChromiumArgs = (dir, ...more) => [...chromiumArgs(dir).filter((a) => !a.startsWith('--lang=')), ...more];
