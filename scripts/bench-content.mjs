// `node scripts/bench-content.mjs [--runs N]`: main-thread time our content script costs a page, in
// Debian's Chromium with the BUILT extension (dist/chrome; run `npm run build` first).
//
// Method: the DevTools protocol's Performance.getMetrics TaskDuration (all main-thread tasks of the
// page's renderer: script, style, layout) after the page has loaded and settled, with the extension
// loaded minus the same page without it. The difference is what our scan, observers and panel cost.
// No measurement code ships in the extension.
//   content.typical_main_thread_ms: tests/fixtures/demo/big-listing.html (~6,700 elements)
//   content.huge_main_thread_ms:    a generated 50,000-element listing with a license footer
// Alongside, from a CPU profile: content.*_script_ms (samples in our content script) and
// content.*_longest_script_stretch_ms (the longest unbroken stretch of them: our longest task, about).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './ensure.mjs';

const SETTLE_MS = 2500;

/** A listing page of about `n` elements (10 per card) with a real license footer at the end. */
export function listingPage(n) {
  const cards = [];
  for (let i = 0; i < n / 10; i++) {
    cards.push(`<div class="c"><a href="/item/${i}"><span>商品 ${i}</span></a><p>价格 <b>￥${(i % 500) + 9}.90</b></p><ul><li>货号 A${100000 + i}</li><li>库存 ${i % 97}</li></ul><i>包邮</i><em>热卖</em></div>`);
  }
  const footer = '<footer><p>广州青禾生活用品有限公司 统一社会信用代码：91440101MA5CKX2R1G</p><p>粤ICP备2023045678号-1</p></footer>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>listing ${n}</title></head><body>${cards.join('')}${footer}</body></html>`;
}

function serve() {
  const typical = readFileSync(join(root, 'tests/fixtures/demo/big-listing.html'));
  const huge = listingPage(50_000);
  const server = createServer((req, res) => {
    const body = req.url?.startsWith('/typical') ? typical : req.url?.startsWith('/huge') ? huge : null;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function launch(withExtension) {
  const { chromium } = await import('playwright-core');
  const dist = join(root, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'lz-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless=new',
      ...(withExtension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = withExtension ? new URL(context.serviceWorkers()[0].url()).host : null;
  return { context, extensionId, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

/**
 * Our own share, from a CPU profile of the page's renderer (content scripts run in the page's
 * isolate): the time whose innermost JavaScript frame is our content script (its calls into the DOM,
 * style and layout included), and the longest stretch of such samples — an estimate of our longest
 * task. Sampled every 100 µs.
 */
async function scriptTime(context, url, extensionId) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await page.close();
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(`chrome-extension://${extensionId}/`)).map((n) => n.id));
  let total = 0;
  let longest = 0;
  let stretch = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (ours.has(id)) {
      total += dt;
      stretch += dt;
      longest = Math.max(longest, stretch);
    } else if (dt > 0.5 || !ours.has(profile.samples[i + 1])) stretch = 0;
  });
  return { total, longest };
}

/** Main-thread task time of one page load, settled, in ms. */
async function taskTime(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  await page.close();
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const round = (x) => Math.round(x * 10) / 10;

/**
 * Runs the benchmark; returns { typical_main_thread_ms, huge_main_thread_ms }, each { median, p95 }
 * over `runs` paired loads (with minus without the extension, floored at 0).
 */
export async function benchContent({ runs = 7 } = {}) {
  if (!existsSync(join(root, 'dist/chrome/manifest.json'))) throw new Error('dist/chrome is missing: run `npm run build` first');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const withExt = await launch(true);
  const without = await launch(false);
  const out = {};
  try {
    for (const [key, path] of [['typical_main_thread_ms', '/typical'], ['huge_main_thread_ms', '/huge']]) {
      // One warm-up load each, so neither side pays the first-load compile costs in the figures.
      await taskTime(withExt.context, origin + path);
      await taskTime(without.context, origin + path);
      const deltas = [];
      const script = [];
      const longest = [];
      for (let i = 0; i < runs; i++) {
        const a = await taskTime(withExt.context, `${origin}${path}?run=${i}`);
        const b = await taskTime(without.context, `${origin}${path}?run=${i}`);
        deltas.push(Math.max(0, a - b));
        const s = await scriptTime(withExt.context, `${origin}${path}?profile=${i}`, withExt.extensionId);
        script.push(s.total);
        longest.push(s.longest);
      }
      const stat = (xs) => ({ median: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)) });
      out[key] = stat(deltas);
      out[key.replace('main_thread_ms', 'script_ms')] = stat(script);
      out[key.replace('main_thread_ms', 'longest_script_stretch_ms')] = stat(longest);
    }
  } finally {
    await withExt.close();
    await without.close();
    server.close();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--runs');
  benchContent({ runs: i > 0 ? Number(process.argv[i + 1]) : 7 })
    .then((r) => console.log(JSON.stringify({ content: r }, null, 2)))
    .catch((e) => {
      console.error(`[bench-content] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}
