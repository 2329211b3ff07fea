// `npm run build`: builds dist/chrome and dist/firefox with vite + @crxjs (vite.config.ts reads
// TARGET), checks what must never ship (source maps, remote code, server-only or node-only modules:
// bundle-check.mjs), and zips each build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './ensure.mjs';
import { deflateRawSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { checkBundleInputs } from './bundle-check.mjs';

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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A minimal deflate zip writer, for machines without `zip` (fixed timestamp: reproducible). */
function writeZip(out, files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, ...centrals, end]));
}

function zip(dir, out) {
  rmSync(out, { force: true });
  const hasZip = spawnSync('sh', ['-c', 'command -v zip'], { encoding: 'utf8' }).status === 0;
  if (hasZip) {
    const res = spawnSync('zip', ['-qrX', out, '.'], { cwd: dir, stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`zip failed for ${dir}`);
    return;
  }
  writeZip(out, walk(dir).map((f) => ({ name: relative(dir, f).split('\\').join('/'), data: readFileSync(f) })));
}

/** The panel module, imported by the content script when the panel first opens (panel-module.ts). */
const PANEL_MODULE = { entry: 'extension/panel/panel-module.ts', out: 'extension/panel/panel.js' };

/**
 * Builds the panel module as one ES module and makes it (only it) web-accessible to the pages the
 * content script runs on, which is what lets the content script import() it. In Chrome it is only
 * reachable through the per-session dynamic id (use_dynamic_url), so a page cannot probe for it;
 * Firefox's extension ids are random per install already. Returns the modules it was built from.
 */
function buildPanelModule(target, dir) {
  const { metafile } = buildSync({
    absWorkingDir: root,
    metafile: true,
    entryPoints: [join(root, PANEL_MODULE.entry)],
    outfile: join(dir, PANEL_MODULE.out),
    bundle: true,
    format: 'esm',
    minify: true,
    legalComments: 'none',
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  // The pages the shop content script (the one that imports the panel) runs on; the registry reader's
  // hosts are among them and need no panel of their own.
  const matches = manifest.content_scripts.find((c) => c.js.some((j) => j.includes('content/content-script')))?.matches ?? [];
  manifest.web_accessible_resources = [{ resources: [PANEL_MODULE.out], matches, ...(target === 'chrome' ? { use_dynamic_url: true } : {}) }];
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
  return Object.keys(metafile.inputs).map((input) => join(root, input));
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
  const panelInputs = buildPanelModule(target, dir);
  audit(dir);
  await checkBundleInputs(target, panelInputs);
  zip(dir, join(root, 'dist', `liangzhao-guard-${target}.zip`));
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
