// Proves from the bundlers' own module graphs (not a grep of the output) that the built extension
// holds no server-only or node-only code: no module of better-sqlite3, pg, linkedom, iconv-lite, chardet or
// anything only they pull in, no node builtin, nothing from src/tools/. Called by build-extension.mjs.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import { build } from 'vite';
import { root } from './ensure.mjs';

const SERVER_ONLY = ['better-sqlite3', 'pg', 'linkedom', 'iconv-lite', 'chardet'];

/** The packages installed only because a server-only package needs them (from package-lock.json). */
export function serverOnlyPackages() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  const closure = (names) => {
    const seen = new Set();
    const todo = [...names];
    while (todo.length) {
      const name = todo.pop();
      if (seen.has(name)) continue;
      seen.add(name);
      const entry = lock[`node_modules/${name}`];
      if (entry) todo.push(...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }));
    }
    return seen;
  };
  const direct = Object.keys(lock[''].dependencies ?? {}).concat(Object.keys(lock[''].devDependencies ?? {}));
  const needed = closure(direct.filter((name) => !SERVER_ONLY.includes(name)));
  return new Set([...closure(SERVER_ONLY)].filter((name) => !needed.has(name) || SERVER_ONLY.includes(name)));
}

const BUILTINS = new Set(builtinModules);
/** The package a module file belongs to (the innermost node_modules/ folder), or undefined. */
const packageOf = (path) => /(?:^|.*\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

/** Why a module id may not ship, or null. Ids are absolute paths, `\0`-prefixed virtual ids, or bare names (externals). */
export function whyNotShipped(id, serverOnly) {
  const clean = id.replace(/^\0/, '');
  const pkg = packageOf(clean);
  if (pkg) return serverOnly.has(pkg) ? `server-only package ${pkg}` : null;
  // Vite replaces a node builtin in a browser build by an empty stub; a stub is a builtin imported all the same.
  if (/browser-external|^node:/.test(clean) || BUILTINS.has(clean.split('/')[0])) return 'node builtin';
  const rel = isAbsolute(clean) ? relative(root, clean) : clean;
  if (rel.startsWith('src/tools/')) return 'node-only tool (src/tools/)';
  return null;
}

// A check that cannot fail proves nothing: these must be caught, and these must pass.
function selfTest(serverOnly) {
  const caught = [join(root, 'node_modules/pg-protocol/dist/index.js'), join(root, 'node_modules/linkedom/esm/index.js'), '\0__vite-browser-external:node:fs', 'node:crypto', 'fs', join(root, 'src/tools/cli/command.ts')];
  const passed = [join(root, 'node_modules/preact/dist/preact.mjs'), join(root, 'src/scan/scan-page.ts'), '\0vite/modulepreload-polyfill.js'];
  const wrong = [...caught.filter((id) => !whyNotShipped(id, serverOnly)), ...passed.filter((id) => whyNotShipped(id, serverOnly))];
  if (wrong.length) throw new Error(`bundle check misjudges ${wrong.join(', ')}`);
}

/**
 * The modules of a standalone content script. @crxjs builds it in a second Vite build of its own,
 * with no plugins, so no plugin of ours sees its graph: this builds the same entry the same way
 * (Vite, IIFE, nothing written) and reads the graph.
 */
async function contentScriptModules(entry) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(root, entry), formats: ['iife'], name: 'probe' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs.flatMap((o) => (o.type === 'chunk' ? o.moduleIds : []));
}

/**
 * Checks one built target. `graphs` names each part of the build with its module ids; the Vite
 * build's come from build/bundle-inputs/<target>.json (vite.config.ts records them).
 */
export async function checkBundleInputs(target, extraInputs) {
  const serverOnly = serverOnlyPackages();
  selfTest(serverOnly);
  const recorded = JSON.parse(readFileSync(join(root, 'build', 'bundle-inputs', `${target}.json`), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const graphs = { 'vite build': recorded.modules, 'panel module and guard': extraInputs };
  for (const file of manifest.content_scripts.flatMap((c) => c.js)) graphs[file] = await contentScriptModules(file);
  const problems = new Map();
  const report = (line) => problems.set(line, (problems.get(line) ?? 0) + 1);
  for (const [part, ids] of Object.entries(graphs)) {
    // An empty graph would pass vacuously.
    if (!ids.some((id) => id.includes('/extension/'))) report(`${part}: no module of extension/ in its graph (the check read nothing)`);
    for (const id of ids) {
      const why = whyNotShipped(id, serverOnly);
      const path = id.replace(/^\0/, '');
      if (why) report(`${part}: ${packageOf(path) ?? (isAbsolute(path) ? relative(root, path) : path)} (${why})`);
    }
  }
  const lines = [...problems].map(([line, n]) => (n > 1 ? `${line}, ${n} modules` : line));
  if (lines.length) throw new Error(`dist/${target} would ship code it must not:\n  ${lines.join('\n  ')}`);
  return Object.values(graphs).reduce((n, ids) => n + ids.length, 0);
}
