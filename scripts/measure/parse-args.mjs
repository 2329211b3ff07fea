// `node scripts/measure/parse-args.mjs [REV]`: what the CLI's option parsing (src/tools/cli/command.ts)
// costs, here and at git revision REV (default HEAD) side by side, alternating, each in fresh
// processes: the first call (what one CLI run pays) and warm calls, on typical `scan` and
// `feed build` command lines. Prints medians.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from '../ensure.mjs';

const rev = process.argv[2] ?? 'HEAD';
const dir = mkdtempSync(join(tmpdir(), 'lz-parse-args-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const BENCH = `
const lines = [
  [['page.html', '--url', 'https://shop.example.cn/', '--json', '--lang=en', '--feed', 'feed/', '--pubkey', 'k'], { strings: ['url', 'lang', 'feed', 'pubkey'], booleans: ['json'] }],
  [['--key', 'key.json', '--out', 'feed/', '--blacklist', 'a.csv', '--blacklist', 'b.csv', '--entities=e.csv'], { strings: ['key', 'out', 'previous', 'name', 'version'], repeatable: ['blacklist', 'entities'] }],
];
let t = performance.now();
parseArgs(...lines[0]);
const firstUs = (performance.now() - t) * 1000;
const n = 20000;
t = performance.now();
for (let i = 0; i < n; i++) for (const [args, spec] of lines) parseArgs(args, spec);
console.log(JSON.stringify({ firstUs, warmUs: ((performance.now() - t) * 1000) / n / lines.length }));
`;

async function bundle(name, source) {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const out = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning', footer: { js: BENCH } });
  return out;
}
const versions = {
  [rev]: await bundle('before', execFileSync('git', ['show', `${rev}:src/tools/cli/command.ts`], { cwd: root, encoding: 'utf8' })),
  'working tree': await bundle('after', readFileSync(join(root, 'src/tools/cli/command.ts'), 'utf8')),
};

const results = Object.fromEntries(Object.keys(versions).map((v) => [v, []]));
for (let r = 0; r < 11; r++) {
  for (const [v, file] of Object.entries(versions)) results[v].push(JSON.parse(spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout));
}
for (const [v, rs] of Object.entries(results)) {
  console.log(`${v.padEnd(12)}: first call ${median(rs.map((r) => r.firstUs)).toFixed(0)} µs, warm ${median(rs.map((r) => r.warmUs)).toFixed(2)} µs per command line`);
}
