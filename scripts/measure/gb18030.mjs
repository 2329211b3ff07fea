// `node scripts/measure/gb18030.mjs`: does the platform's TextDecoder('gb18030') decode exactly
// like iconv-lite's gb18030 (which src/tools/feed/build/csv-reader.ts used), whole and streamed in
// odd-sized chunks? And how fast is each on a GBK CSV? Prints the differences and medians.
import iconv from 'iconv-lite';
import { decodeStreamed, inputs } from './gb18030-entry.mjs';

const platform = () => {
  const d = new TextDecoder('gb18030');
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
};
const iconvLite = () => {
  const d = iconv.getDecoder('gb18030');
  return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
};

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const show = (s) => [...s.slice(Math.max(0, i - 2), i + 4)].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
  return `at char ${i}: iconv-lite ${show(a)} | TextDecoder ${show(b)}`;
}

let differences = 0;
for (const [name, bytes] of inputs()) {
  for (const size of [bytes.length, 4096, 3, 1]) {
    if (size === 1 && bytes.length > 1e5) continue;
    const a = decodeStreamed(iconvLite, bytes, size);
    const label = `${name}, ${size === bytes.length ? 'whole' : `in ${size}-byte chunks`}`;
    let b;
    try {
      b = decodeStreamed(platform, bytes, size);
    } catch (error) {
      differences++;
      console.log(`DIFFERENT: ${label}: TextDecoder throws (${error.message}), iconv-lite decodes`);
      continue;
    }
    if (a === b) console.log(`same: ${label} (${a.length} chars)`);
    else {
      differences++;
      // Count differing code points on a per-code basis where the inputs are one code each.
      console.log(`DIFFERENT: ${label}: ${firstDifference(a, b)}`);
    }
  }
}

// Which codes differ, for the four-byte and two-byte tables (each code decoded on its own).
const differ = [];
const one = (bytes) => [iconv.decode(Buffer.from(bytes), 'gb18030'), new TextDecoder('gb18030').decode(Uint8Array.from(bytes))];
for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0; trail <= 0xff; trail++) {
  const [a, b] = one([lead, trail]);
  if (a !== b) differ.push(`${lead.toString(16)}${trail.toString(16)}: iconv-lite ${[...a].map((c) => c.codePointAt(0).toString(16)).join(' ')} vs ${[...b].map((c) => c.codePointAt(0).toString(16)).join(' ')}`);
}
for (const bytes of [[0x80], [0xff], [0x84, 0x31, 0xa4, 0x39], [0x84, 0x31, 0xa5, 0x30], [0xe3, 0x32, 0x9a, 0x35], [0xe3, 0x32, 0x9a, 0x36], [0x90, 0x30, 0x81, 0x30], [0xfe, 0x39, 0xfe, 0x39]]) {
  const [a, b] = one(bytes);
  if (a !== b) differ.push(`${bytes.map((x) => x.toString(16)).join('')}: iconv-lite ${[...a].map((c) => c.codePointAt(0).toString(16)).join(' ')} vs ${[...b].map((c) => c.codePointAt(0).toString(16)).join(' ')}`);
}
console.log(differ.length ? `${differ.length} single codes decode differently:\n  ${differ.slice(0, 40).join('\n  ')}` : 'every single code decodes the same');

// Speed on what the feed builder reads: a GBK CSV of company names, 1 MB chunks.
const rows = [];
for (let i = 0; i < 200_000; i++) rows.push(`9133010${String(i).padStart(11, '0')},杭州某某贸易有限公司${i},经营异常,2024-05-0${i % 9 + 1}`);
const csv = iconv.encode(rows.join('\r\n'), 'gbk');
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const [name, make] of [['iconv-lite', iconvLite], ['TextDecoder', platform], ['iconv-lite', iconvLite], ['TextDecoder', platform]]) {
  const times = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    decodeStreamed(make, csv, 1 << 20);
    times.push(performance.now() - t);
  }
  console.log(`${name.padEnd(11)}: ${median(times).toFixed(1)} ms for a ${(csv.length / 1e6).toFixed(1)} MB GBK CSV`);
}
process.exitCode = differences ? 1 : 0;

// With --browsers: does Chromium's and Firefox's TextDecoder('gb18030') give what node's gives?
if (process.argv.includes('--browsers')) {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const puppeteer = (await import('puppeteer-core')).default;
  const { fingerprint: digest } = await import('./gb18030-entry.mjs');
  const code = (await build({ entryPoints: [new URL('./gb18030-entry.mjs', import.meta.url).pathname], bundle: true, write: false, format: 'iife', globalName: 'gb' })).outputFiles[0].text;
  const inPage = async () => {
    const out = {};
    for (const [name, bytes] of globalThis.gb.inputs()) out[name] = globalThis.gb.fingerprint(new TextDecoder('gb18030').decode(bytes));
    return out;
  };
  const expected = Object.fromEntries(inputs().map(([name, bytes]) => [name, digest(new TextDecoder('gb18030').decode(bytes))]));
  const viaIconv = Object.fromEntries(inputs().map(([name, bytes]) => [name, digest(iconv.decode(Buffer.from(bytes), 'gb18030'))]));
  const report = (browser, got) => {
    for (const name of Object.keys(expected)) console.log(`${browser}: ${name}: ${got[name] === expected[name] ? 'same as node TextDecoder' : 'DIFFERENT from node TextDecoder'}${got[name] === viaIconv[name] ? ', same as iconv-lite' : ''}`);
  };
  const c = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
  const cp = await c.newPage();
  await cp.addScriptTag({ content: code });
  report('chromium', await cp.evaluate(inPage));
  await c.close();
  const f = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
  const fp = await f.newPage();
  await fp.addScriptTag({ content: code });
  report('firefox ', await fp.evaluate(inPage));
  await f.close();
}
