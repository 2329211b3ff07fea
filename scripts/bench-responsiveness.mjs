// `node scripts/bench-responsiveness.mjs [--runs N] [--dist DIR]`: how long hostile pages go without
// running their own timer while the BUILT extension (dist/chrome; `npm run build` first) works on
// them, in Debian's Chromium. These were pass/fail budgets in the e2e tests (gap < 200 ms); they
// are figures now, and the e2e tests assert behaviour (the page kept running, the verdict arrived).
//
// Method: each page includes tests/e2e/fixtures/responsiveness.js, a 4 ms timer that records the
// longest gap between its callbacks (window.__gaps). hostile.max_gap_ms.<shape> is that gap over a
// fixed window, as { median, max } over the runs, each run in a fresh tab:
//   interval:       hostile-panel.html?mode=interval, a page that removes our panel every 50 ms
//                   (and floods window messages): load + 3 s
//   observer:       hostile-panel.html?mode=observer, a page that removes it in a MutationObserver
//                   (we back off): load + 3 s
//   mutation_flood: mutation-flood.html, thousands of mutations a second: load + 4 s
//   huge_rescan:    a 200,000-element listing that adds its license footer after our first scan;
//                   from the insertion (a frame later, so the page's own relayout is not counted)
//                   until our panel's host is on the page, + 300 ms
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, root } from './ensure.mjs';

const FIXTURES = join(root, 'tests/e2e/fixtures');
const SPOOF =
  '<footer><p>深圳市潮品优选贸易有限公司 统一社会信用代码：91440300MA5G8N2T36</p>' +
  '<a href="http://gsxt-verify.shop-cert.example.com/businessCheck/verifKey.do?showType=p&amp;serial=91440300MA5G8N2T36">电子营业执照 亮照</a></footer>';

/** The e2e suite's big page (tests/e2e/harness/fixture-server.ts hugePage): n elements in cards, content-visibility: auto. */
function hugePage(n) {
  const cards = [];
  for (let i = 0; i < n / 10; i++) {
    cards.push(`<div class="c"><a href="/item/${i}"><span>商品 ${i}</span></a><p>价格 <b>￥${(i % 500) + 9}.90</b></p><ul><li>货号 A${100000 + i}</li><li>库存 ${i % 97}</li></ul><i>包邮</i><em>热卖</em></div>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script src="/responsiveness.js"></script><title>大商城 ${n}</title><style>.c{content-visibility:auto;contain-intrinsic-size:auto 90px}</style></head><body><h1>大商城</h1>${cards.join('')}</body></html>`;
}

function serve() {
  const huge = hugePage(200_000);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/huge.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(huge);
    const file = join(FIXTURES, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const gaps = (page) => page.evaluate(() => window.__gaps);

/** One run of a page for `windowMs` after load: the longest gap of its timer. */
async function fixedWindow(context, url, windowMs) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(windowMs);
  const { max, samples } = await gaps(page);
  await page.close();
  if (samples < 10) throw new Error(`${url}: the page's timer hardly ran (${samples} samples)`);
  return max;
}

/** One run of the huge page: the longest gap while we rescan it after it adds its footer. */
async function hugeRescan(context, origin) {
  const page = await context.newPage();
  await page.goto(`${origin}/huge.html`, { waitUntil: 'load', timeout: 120_000 });
  // Our first scan of the page (nothing to find) is over before the page changes.
  await page.waitForTimeout(5000);
  await page.evaluate(
    (html) =>
      new Promise((resolve) => {
        document.body.insertAdjacentHTML('beforeend', html);
        requestAnimationFrame(() => setTimeout(() => resolve(window.__gapsReset()), 0));
      }),
    SPOOF,
  );
  await page.waitForFunction(() => Array.from(document.documentElement.children).some((c) => c.tagName.startsWith('LZ-')), null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  const { max } = await gaps(page);
  await page.close();
  return max;
}

const round = (x) => Math.round(x * 10) / 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs each shape `runs` times; returns { max_gap_ms: { <shape>: { median, max } } }. */
export async function benchResponsiveness({ runs = 3, dist = join(root, 'dist/chrome') } = {}) {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'lz-bench-gaps-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: chromiumArgs(dist),
  });
  const shapes = {
    interval: () => fixedWindow(context, `${origin}/hostile-panel.html?mode=interval`, 3000),
    observer: () => fixedWindow(context, `${origin}/hostile-panel.html?mode=observer`, 3000),
    mutation_flood: () => fixedWindow(context, `${origin}/mutation-flood.html`, 4000),
    huge_rescan: () => hugeRescan(context, origin),
  };
  const out = {};
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    for (const [shape, run] of Object.entries(shapes)) {
      const xs = [];
      for (let i = 0; i < runs; i++) xs.push(await run());
      out[shape] = { median: round(median(xs)), max: round(Math.max(...xs)) };
      console.log(`[bench-responsiveness] ${shape}: ${xs.map(round).join(', ')} ms`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
  }
  return { max_gap_ms: out };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (flag) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const options = { runs: Number(arg('--runs') ?? 3) };
  if (arg('--dist')) options.dist = arg('--dist');
  benchResponsiveness(options)
    .then((r) => console.log(JSON.stringify({ hostile: r }, null, 2)))
    .catch((e) => {
      console.error(`[bench-responsiveness] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    });
}
