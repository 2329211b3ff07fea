// `node scripts/measure/sha256.mjs`: src/lists/sha256-sync.ts vs @noble/hashes on one lookup's keys,
// in node (fresh process per run, so "cold" is cold) and in Debian's Chromium. Prints medians.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { root } from '../ensure.mjs';

const dir = mkdtempSync(join(tmpdir(), 'lz-sha256-'));
const bundle = await build({ entryPoints: [join(root, 'scripts/measure/sha256-entry.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
const code = bundle.outputFiles[0].text;
writeFileSync(join(dir, 'bench.cjs'), `${code}\nconst r = globalThis.measureSha256(process.argv[2].split(",")); globalThis.checkSha256(); console.log(JSON.stringify(r));`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function summarize(label, results) {
  for (const name of ['ours', 'noble']) {
    const cold = median(results.map((r) => r[name].coldUs));
    const warm = median(results.map((r) => r[name].warmUsPerLookup));
    console.log(`${label} ${name.padEnd(5)}: first lookup (10 keys, cold) ${cold.toFixed(0)} µs; warm ${warm.toFixed(2)} µs per lookup of 10 keys`);
  }
}

// Each implementation alone in a fresh process or page, so its first lookup is really cold.
const RUNS = Number(process.env.RUNS ?? 9);
const nodeResults = [];
for (let i = 0; i < RUNS; i++) {
  const one = (name) => JSON.parse(spawnSync(process.execPath, [join(dir, 'bench.cjs'), name], { encoding: 'utf8' }).stdout)[name];
  nodeResults.push({ ours: one('ours'), noble: one('noble') });
}
summarize('node    ', nodeResults);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
const browserResults = [];
for (let i = 0; i < RUNS; i++) {
  const result = {};
  for (const name of ['ours', 'noble']) {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    result[name] = (await page.evaluate((n) => globalThis.measureSha256([n]), name))[name];
    await page.close();
  }
  browserResults.push(result);
}
await browser.close();
summarize('chromium', browserResults);
