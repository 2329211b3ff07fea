// Blocking figures (issue 16), in Debian's Chromium with the BUILT extension (a copy of dist/chrome
// plus a bench page in the extension's origin, so the same IndexedDB as its service worker):
//   block.check_ms: the block decision of one navigation of an unlisted site, with a synthetic
//     signed feed of 1,000,000 domain keys (on the scam-site list) synced into the browser's
//     IndexedDB, plus a real feed whose scam-site list of 100,000 domains is published whole.
//     Timed in the bench page with the code the worker runs for the guard (checkNavigation, same
//     database); check_message_ms is the guard's whole question through the worker (sendMessage).
//   block.rules: the declarativeNetRequest rebuild after the sync (the worker's own figure,
//     getBlockingStatus.rebuildMs: reading the domain files, building the rules, updateDynamicRules)
//     and again when blocking is switched back on in the preferences; rules and domains held.
//   block.search_main_thread_ms: what marking a 50-result Baidu page (7 listed results) costs the
//     page's main thread, traced as content.* is (bench-content.mjs tracedLoad: every task of our
//     isolated world, our messages, our frames), against floor_search_main_thread_ms: the same
//     page under the stand-in extension that only asks its worker twice, in the same run. Measured
//     with the 100,000-domain feed alone (its lists all in the browser's rules: no document_start
//     guard registered) and again as search_with_guard_main_thread_ms once the 1,000,000-key list,
//     which has no domain file, is synced too (the guard registered for it).
//   block.floor_marking_search_main_thread_ms: the same page under a stand-in that does the least any
//     marking design must (markingFloorExtension): it reads the 50 results' targets and titles, asks
//     its worker once (which answers from a set of the 7 listed hosts, no lookup), and puts our mark
//     (the same element, style and words) after the 7 titles. What it costs over the floor is the
//     price of showing anything at all on the page: chiefly the frame that draws the marks.
// Exported as benchBlock (tests/bench/run-bench.ts, section "block").
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { buildSync } from 'esbuild';
import { floorExtension, standInExtension, tracedLoad } from './bench-content.mjs';
import { root } from './ensure.mjs';
import { benchChromiumArgs, benchExtension } from './bench-extension.mjs';
import { makeKeys, writeSyntheticFeed } from './synthetic-feed.mjs';

const SEARCH_HOST = 'www.baidu.com';
const SETTLE_MS = 2500;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(xs.length * p) - 1))];
const r3 = (x) => Math.round(x * 1000) / 1000;
const r1 = (x) => Math.round(x * 10) / 10;
const progress = (line) => process.stderr.write(`[bench-block] ${line}\n`);
const stats = (xs) => ({ p50: r3(pct(xs, 0.5)), p99: r3(pct(xs, 0.99)), max: r3(Math.max(...xs)), runs: xs.length });

/** Listed in the synthetic 1,000,000-key feed (domain keys on the scam-site list). */
const SYNTHETIC_LISTED = Array.from({ length: 10 }, (_, i) => `listed-${i}.bench-scam.cn`);
/** Listed in the real feed, whose scam-site list of 100,000 domains is published whole (the rules). */
// 99,997 of its own and 3 of the synthetic list's: 100,000 domains, the most a domain file holds.
const FILE_LISTED = Array.from({ length: 99_997 }, (_, i) => `s${i}.scam-file.cn`);

/** A Baidu result page (src/platforms/listings/baidu.ts markup) of 50 results, 7 of them listed. */
function searchPage() {
  const listed = new Map([
    [3, `http://${SYNTHETIC_LISTED[0]}/item/1`],
    [11, `http://${SYNTHETIC_LISTED[1]}/`],
    [17, `http://${FILE_LISTED[5]}/`],
    [24, `https://www.${FILE_LISTED[77]}/shop`],
    [30, `http://pay.${FILE_LISTED[12345]}/`],
    [38, `http://${FILE_LISTED[99_996]}/a?b=c`],
    [45, `http://${SYNTHETIC_LISTED[2]}/`],
  ]);
  const results = Array.from({ length: 50 }, (_, i) => {
    const url = listed.get(i) ?? `https://shop${i}.plain-${i % 7}.example.com/item/${i}`;
    return `<div class="result c-container new-pmd" id="r${i}" mu="${url}"><h3 class="t"><a href="http://www.baidu.com/link?url=${i}">结果 ${i} 的标题 低价商城</a></h3><div class="c-abstract">这是第 ${i} 条结果的摘要，介绍这家店铺和它卖的东西。</div><div class="c-showurl">${new URL(url).host}</div></div>`;
  });
  const listedHosts = [...listed.values()].map((u) => new URL(u).hostname);
  return { listedHosts, html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>低价商城_百度搜索</title></head><body><div id="wrapper"><div id="content_left">${results.join('\n')}</div></div></body></html>`, listed: listed.size };
}

/**
 * The least a design that marks results can cost the page (see the header): a stand-in whose
 * worker marks the results whose host is in `listedHosts` (given, not looked up) and whose content
 * script reads the results as src/platforms/listings/baidu.ts does, asks once and draws our own
 * mark (extension/search/mark-element.ts, bundled in). Returns its directory.
 */
function markingFloorExtension(listedHosts) {
  const mark = { level: 'red', title: '诈骗网站名单（基准测试）', label: '诈骗网站' };
  const worker =
    `const listed = new Set(${JSON.stringify(listedHosts)}), mark = ${JSON.stringify(mark)};\n` +
    'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true, value: { marks: m.urls.map((u) => (listed.has(new URL(u).hostname) ? mark : null)) } }); });\n';
  const entry = `import { markElement } from './extension/search/mark-element';
const results = [...document.querySelectorAll('#content_left .c-container[mu]')].map((r) => ({ title: r.querySelector('h3 a'), url: r.getAttribute('mu') }));
chrome.runtime.sendMessage({ urls: results.map((r) => r.url) }).then(({ value }) => value.marks.forEach((m, i) => m && results[i].title.after(markElement(document, m))));`;
  const { outputFiles } = buildSync({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'warning' });
  return standInExtension('marking floor', { worker, content: outputFiles[0].text });
}

function serve(dirs, pages) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages[url.pathname];
    if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    const [, name, ...rest] = url.pathname.split('/');
    const dir = dirs[name];
    const file = dir && normalize(join(dir, ...rest));
    if (!file || !file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function launch(chromiumPath, ext, profile, port) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: benchChromiumArgs(ext, `--host-resolver-rules=MAP ${SEARCH_HOST} 127.0.0.1:${port}`),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, id: new URL(worker.url()).host };
}

export async function benchBlock(chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', { n = 1_000_000, lookups = 1000, loads = 7 } = {}) {
  const { generateFeedKey, parseFeedKey } = await tsImport('../src/feed/signature.ts', import.meta.url);
  const { blacklistBits } = await tsImport('../src/tools/feed/build/build-blacklist.ts', import.meta.url);
  const { buildFeed } = await tsImport('../src/tools/feed/build/build-feed.ts', import.meta.url);
  const tmp = mkdtempSync(join(tmpdir(), 'lz-bench-block-'));
  const contexts = [];
  let server;
  try {
    // 1. The extension (fresh build when possible) plus the bench page, in a copy.
    const ext = await benchExtension(join(tmp, 'extension'), 'tests/bench/block-bench-entry.ts', 'block-bench', 'bench-block');

    // 2. The feeds: n synthetic domain keys on the scam-site list (code 4), and a built feed whose
    //    scam-site list of 100,000 domains is published whole (the browser's rules).
    const key = await parseFeedKey(JSON.stringify(await generateFeedKey()));
    const { shardBits } = blacklistBits(n);
    let t = performance.now();
    const keys = await makeKeys(n, { shardBits: Math.max(3, shardBits), known: SYNTHETIC_LISTED, knownKind: 'domain', knownCode: 4 });
    await writeSyntheticFeed(join(tmp, 'synthetic'), keys, { version: 1, key, name: 'synthetic 1M domains' });
    mkdirSync(join(tmp, 'csv'));
    // The synthetic list's marked sites are in this feed too: the search page marks the same 7 results
    // with the 100,000-domain feed alone and with both.
    const csv = ['id,id_type,list,name,reason,authority,listed_on,source_url', ...[...FILE_LISTED, ...SYNTHETIC_LISTED.slice(0, 3)].map((d) => `${d},domain,fraud-domain,,仿冒电商平台,基准测试,2024-06-01,`)].join('\n');
    writeFileSync(join(tmp, 'csv', 'b.csv'), csv + '\n');
    await buildFeed({ ...key, out: join(tmp, 'file'), blacklist: [join(tmp, 'csv', 'b.csv')], entities: [], name: 'scam sites 100k', version: 1, now: new Date() });
    const generateSeconds = (performance.now() - t) / 1000;
    const search = searchPage();
    const url = `http://${SEARCH_HOST}/s?wd=低价商城`;
    /** The search page: marks on exactly the listed results (checked once), then traced loads. */
    const searchLoads = async (context, id) => {
      const shown = await context.newPage();
      await shown.goto(url);
      await shown.waitForFunction((k) => document.querySelectorAll('[data-liangzhao-mark]').length >= k, search.listed, { timeout: 30_000 });
      await shown.waitForTimeout(1000);
      const marks = await shown.evaluate(() => document.querySelectorAll('[data-liangzhao-mark]').length);
      await shown.close();
      if (marks !== search.listed) throw new Error(`${marks} marks on the search page, expected ${search.listed}`);
      const out = [];
      await tracedLoad(context, `${url}&warm=${Math.random()}`, SETTLE_MS, id);
      for (let i = 0; i < loads; i++) out.push(await tracedLoad(context, `${url}&trace=${i}&r=${Math.random()}`, SETTLE_MS, id));
      return { loads: out, marks };
    };
    server = await serve({ synthetic: join(tmp, 'synthetic'), file: join(tmp, 'file') }, { '/s': search.html });
    const port = server.address().port;

    // 3. Chromium with the extension; the bench page talks to the worker as the options page does.
    const { context, id } = await launch(chromiumPath, ext, join(tmp, 'profile'), port);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/block-bench.html`);
    const ask = async (type, payload) => {
      const reply = await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload]);
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error}`);
      return reply.value;
    };
    const publicKey = Buffer.from(key.publicKey).toString('base64');
    const synced = async (count) => {
      for (let i = 0; ; i++) {
        const feeds = await ask('getSyncStatus', {});
        const bad = feeds.find((f) => f.status === 'error' && !f.progress);
        if (bad) throw new Error(`sync failed: ${bad.error.code}: ${bad.error.message}`);
        if (feeds.length >= count && feeds.every((f) => f.version === 1 && f.status !== 'syncing')) return feeds;
        if (i % 40 === 39) progress(`waiting for ${count} feed(s): ${JSON.stringify(feeds.map((f) => [f.name, f.version, f.status]))}`);
        await page.waitForTimeout(250);
      }
    };
    const rulesStatus = async (after) => {
      for (let i = 0; ; i++) {
        const s = await ask('getBlockingStatus', {});
        if (i % 100 === 99) progress(`waiting for rules after ${after}: ${JSON.stringify(s)}`);
        if (s.rebuiltAt !== null && s.rebuiltAt > after && s.rules > 0) return s;
        if (s.problems.length) throw new Error(`rules: ${s.problems.join('; ')}`);
        await page.waitForTimeout(100);
      }
    };
    // The 100,000-domain feed first: all its blocking sites in the browser's rules, no guard.
    progress('syncing the 100,000-domain feed');
    const before = await ask('getBlockingStatus', {});
    await ask('subscribeFeed', { url: `http://127.0.0.1:${port}/file/manifest.json`, publicKey });
    await synced(1);
    const rulesOnly = await rulesStatus(before.rebuiltAt ?? 0);
    if (rulesOnly.guard.length) throw new Error(`the guard is registered for a feed the rules hold: ${rulesOnly.guard.join('; ')}`);
    progress(`rules: ${rulesOnly.rules}, guard: ${rulesOnly.guard.length ? rulesOnly.guard.join('; ') : 'none'}; tracing the search page`);
    const searchRulesOnly = await searchLoads(context, id);
    progress('syncing the 1,000,000-key feed');
    t = performance.now();
    await ask('subscribeFeed', { url: `http://127.0.0.1:${port}/synthetic/manifest.json`, publicKey });
    await synced(2);
    const syncSeconds = (performance.now() - t) / 1000;
    const afterSync = await rulesStatus(rulesOnly.rebuiltAt);
    if (!afterSync.guard.length) throw new Error('no guard registered for the list without a domain file');
    progress(`rules: ${afterSync.rules}, guard: ${afterSync.guard.join('; ')}; rebuilding`);
    // Rebuilds again: scam-site blocking off (no rules), then on (all of them), three times.
    const rebuilds = [];
    for (let i = 0; i < 3; i++) {
      await ask('saveBlockPreferences', { prefs: { version: 1, lists: { 'fraud-domain': 'mark' } } });
      for (;;) {
        if ((await ask('getBlockingStatus', {})).rules === 0) break;
        await page.waitForTimeout(100);
      }
      const off = await ask('getBlockingStatus', {});
      await ask('saveBlockPreferences', { prefs: { version: 1, lists: {} } });
      rebuilds.push((await rulesStatus(off.rebuiltAt)).rebuildMs);
    }

    // 4. The block decision for unlisted sites (each a new domain, 3 labels: 3 parent lookups), and
    //    the listed ones as a check that the lookups do find what is listed.
    const unlisted = Array.from({ length: lookups + 50 }, (_, i) => `https://item${i}.shop${i % 997}.example-${i % 13}.com/p/${i}?q=1`);
    const listed = [...SYNTHETIC_LISTED.map((d) => `http://www.${d}/`), `https://${FILE_LISTED[4242]}/`];
    const cold = await page.evaluate((urls) => window.lzBlockBench.check(urls, false), unlisted.slice(0, 1));
    const local = await page.evaluate((urls) => window.lzBlockBench.check(urls, true), unlisted.slice(1));
    const hits = await page.evaluate((urls) => window.lzBlockBench.check(urls, true), listed);
    const message = await page.evaluate((urls) => window.lzBlockBench.ask(urls), unlisted.slice(1, 301).map((u) => u.replace('item', 'again')));
    const messageHits = await page.evaluate((urls) => window.lzBlockBench.ask(urls), listed);
    if (local.blocked.some(Boolean) || message.blocked.some(Boolean)) throw new Error('an unlisted site was blocked');
    if (!hits.blocked.every(Boolean) || !messageHits.blocked.every(Boolean)) throw new Error(`listed sites not blocked: ${JSON.stringify(hits.blocked)} ${JSON.stringify(messageHits.blocked)}`);

    // 5. The search page again, the guard registered now.
    const searchWithGuard = await searchLoads(context, id);
    const ours = searchRulesOnly.loads;
    const marks = searchRulesOnly.marks;
    await page.close();

    const floorDir = floorExtension();
    const floor = await launch(chromiumPath, floorDir, join(tmp, 'floor-profile'), port);
    contexts.push(floor.context);
    const floorLoads = [];
    await tracedLoad(floor.context, `${url}&warm=1`, SETTLE_MS, floor.id);
    for (let i = 0; i < loads; i++) floorLoads.push(await tracedLoad(floor.context, `${url}&floor=${i}`, SETTLE_MS, floor.id));
    rmSync(floorDir, { recursive: true, force: true });
    // The marking stand-in, on the same page: the marks it draws are checked as ours are.
    const markingDir = markingFloorExtension(search.listedHosts);
    const marking = await launch(chromiumPath, markingDir, join(tmp, 'marking-profile'), port);
    contexts.push(marking.context);
    const markingRun = await searchLoads(marking.context, marking.id);
    rmSync(markingDir, { recursive: true, force: true });

    const med = (xs) => r1(pct(xs, 0.5));
    const ms = local.ms.slice(49);
    const reads = local.reads.slice(49);
    // The tail, explained: of the lookups over 1 ms, how many opened an IndexedDB transaction.
    const slow = ms.flatMap((x, i) => (x > 1 ? [i] : []));
    const tail = { over_1ms: slow.length, over_1ms_reading_db: slow.filter((i) => reads[i] > 0).length, reading_db: reads.filter((r) => r > 0).length, p99_without_db: r3(pct(ms.filter((_, i) => reads[i] === 0), 0.99)) };
    const oursMedian = pct(ours.map((o) => o.total), 0.5);
    const floorMedian = pct(floorLoads.map((o) => o.total), 0.5);
    return {
      check_ms: { ...stats(ms), where: "the browser's IndexedDB (the extension's origin), checkNavigation as the worker runs it for the guard", domains: n + FILE_LISTED.length, first_lookup_ms: r3(cold.ms[0]), tail },
      check_message_ms: { ...stats(message.ms), note: "the guard's question through the service worker (runtime.sendMessage round trip)" },
      check_p99_ms: r3(pct(ms, 0.99)),
      rules: {
        rules: afterSync.rules,
        domains: afterSync.domains,
        overflow: afterSync.overflow,
        max_domains: afterSync.maxDomains,
        rebuild_after_sync_ms: afterSync.rebuildMs,
        rebuild_ms: rebuilds,
        note: 'the worker\'s own figure: domain files read, rules built, updateDynamicRules; the 1,000,000-key list has no domain file (lists over 100,000 domains), so only the document_start check stops its sites',
      },
      search_main_thread_ms: { median: med(ours.map((o) => o.total)), p95: r1(pct(ours.map((o) => o.total), 0.95)), results: 50, marked: marks },
      search_breakdown_median_ms: Object.fromEntries(['script', 'messaging', 'rendering', 'mixedRendering'].map((k) => [k, med(ours.map((o) => o[k]))])),
      floor_search_main_thread_ms: { median: med(floorLoads.map((o) => o.total)), p95: r1(pct(floorLoads.map((o) => o.total), 0.95)) },
      search_over_floor: r3(oursMedian / floorMedian),
      floor_marking_search_main_thread_ms: {
        median: med(markingRun.loads.map((o) => o.total)),
        p95: r1(pct(markingRun.loads.map((o) => o.total), 0.95)),
        breakdown_median_ms: Object.fromEntries(['script', 'messaging', 'rendering'].map((k) => [k, med(markingRun.loads.map((o) => o[k]))])),
        marked: markingRun.marks,
        note: 'a stand-in that reads the results, asks its worker once and draws our 7 marks: the least any design that marks pays',
      },
      floor_marking_over_floor: r3(pct(markingRun.loads.map((o) => o.total), 0.5) / floorMedian),
      search_with_guard_main_thread_ms: { median: med(searchWithGuard.loads.map((o) => o.total)), p95: r1(pct(searchWithGuard.loads.map((o) => o.total), 0.95)), guard: afterSync.guard },
      search_with_guard_over_floor: r3(pct(searchWithGuard.loads.map((o) => o.total), 0.5) / floorMedian),
      sync_seconds: r1(syncSeconds),
      generate_seconds: r1(generateSeconds),
    };
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchBlock(), null, 2));
}
