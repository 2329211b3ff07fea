// List sync figures in real Chromium with the built extension: its service worker subscribes to a
// synthetic signed feed of N blacklist keys served on 127.0.0.1 and syncs it into its IndexedDB, then
// applies a 10,000-change delta; a bench page in the extension's origin times the lookups of a page
// with 10 identifiers with the same engine.
//   LZ_BENCH_SYNC_N=1000000 node scripts/bench-sync-browser.mjs     (default N = 10,000,000)
// Exported as benchSyncBrowser (re-exported by scripts/bench-sync.mjs for tests/bench/run-bench.ts).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { benchChromiumArgs, benchExtension } from './bench-extension.mjs';
import { changeKeys, makeKeys, writeRef, writeSyntheticFeed } from './synthetic-feed.mjs';

const KNOWN = ['91440300MA5F8K2Q1M', '91440101MA5CKX2R1G', '91330106MA2H3P7L4H'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const randomId = (i) => {
  let s = '';
  for (let k = 0, x = i * 2654435761 + 97; k < 16; k++, x = Math.floor(x / 31) + k * 7919) s += ALPHABET[x % 31];
  return '91' + s;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
/** p50 / p99 of the synchronous job timed between the lookups (what the machine adds to any short task). */
const noise = (xs) => ({ p50: +pct(xs, 0.5).toFixed(2), p99: +pct(xs, 0.99).toFixed(2), note: 'hashing the page identifiers twice, synchronously, between the lookups' });

/** Where a series' time goes: lookups answered from memory vs. those that needed IndexedDB. */
/** Percentiles of one series of lookups (the first 20 left out), with what they needed and the machine's noise. */
function series(ms, looked) {
  return {
    p50_ms: +pct(ms, 0.5).toFixed(2),
    p99_ms: +pct(ms, 0.99).toFixed(2),
    max_ms: +Math.max(...ms).toFixed(2),
    split: split(ms, looked.transactions.slice(20)),
    warmed_after_lookups: looked.warmedAfter,
    cpu_noise_ms: noise(looked.cpuMs.slice(20)),
  };
}

function split(ms, transactions) {
  const part = (keep) => {
    const xs = ms.filter((_, i) => keep(transactions[i]));
    return xs.length ? { runs: xs.length, p50_ms: +pct(xs, 0.5).toFixed(2), p99_ms: +pct(xs, 0.99).toFixed(2) } : { runs: 0 };
  };
  // The five slowest lookups: their place in the series (early ones overlap the filter warm-up) and transactions.
  const slowest = ms.map((m, i) => ({ i, ms: +m.toFixed(2), transactions: transactions[i] })).sort((a, b) => b.ms - a.ms).slice(0, 5);
  return { from_memory: part((t) => t === 0), with_indexeddb: part((t) => t > 0), slowest };
}

/** A CORS static server over a switchable directory (docs/feed-format.md: feed servers send ACAO *). */
async function serve(ref) {
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' };
    if (req.method === 'OPTIONS') return res.writeHead(204, { ...cors, 'access-control-allow-headers': 'If-None-Match' }).end();
    try {
      const body = readFileSync(join(ref.dir, normalize(new URL(req.url, 'http://x').pathname)));
      res.writeHead(200, { ...cors, 'content-length': body.length, 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, cors).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** RSS (MB) of a Chromium instance's processes: all of them, and the extension's own renderer. */
function chromiumMemory(profile) {
  const procs = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      procs.push({ pid: Number(pid), ppid, cmd, rss });
    } catch {
      // Gone meanwhile.
    }
  }
  const main = procs.find((p) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type='));
  if (!main) return { total: 0, extension: 0 };
  const mine = new Set([main.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (mine.has(p.pid) || !mine.has(p.ppid)) continue;
      mine.add(p.pid);
      grew = true;
    }
  }
  const ours = procs.filter((p) => mine.has(p.pid));
  return { total: ours.reduce((s, p) => s + p.rss, 0), extension: ours.filter((p) => p.cmd.includes('--extension-process')).reduce((s, p) => s + p.rss, 0) };
}

/** Runs the browser benchmark; returns the figures (see the shape at the end). */
export async function benchSyncBrowser(chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', { n = Number(process.env.LZ_BENCH_SYNC_N ?? 10_000_000), changes = 10_000, runs = 300, settleSeconds = 20 } = {}) {
  const { chromium } = await import('playwright-core');
  const { generateFeedKey, parseFeedKey } = await tsImport('../src/feed/signature.ts', import.meta.url);
  const { blacklistBits } = await tsImport('../src/tools/feed/build/build-blacklist.ts', import.meta.url);
  const tmp = mkdtempSync(join(tmpdir(), 'lz-bench-sync-browser-'));
  const profile = join(tmp, 'profile');
  let context;
  let server;
  try {
    // 1. The extension (fresh build when possible) plus a bench page, in a copy: same origin as its worker.
    const ext = await benchExtension(join(tmp, 'extension'), 'tests/bench/lists-bench-entry.ts', 'lists-bench', 'bench-sync');

    // 2. The feed: v1 with n keys, v2 with `changes` changes and a delta from v1.
    const key = await parseFeedKey(JSON.stringify(await generateFeedKey()));
    const { shardBits } = blacklistBits(n);
    let t = performance.now();
    const keys = await makeKeys(n, { shardBits: Math.max(3, shardBits), known: KNOWN });
    const v1 = await writeSyntheticFeed(join(tmp, 'v1'), keys, { version: 1, key });
    const { delta, count } = changeKeys(keys, changes);
    const deltaRef = { ...writeRef(join(tmp, 'v2'), 'blacklist/deltas', '1-2', 'bin', delta, count), from: 1, to: 2 };
    await writeSyntheticFeed(join(tmp, 'v2'), keys, { version: 2, key, deltas: [deltaRef] });
    const generateSeconds = (performance.now() - t) / 1000;
    const feedBytes = v1.blacklist.shards.reduce((s, x) => s + x.keys.bytes, 0);

    const dir = { dir: join(tmp, 'v1') };
    server = await serve(dir);
    const manifestUrl = `http://127.0.0.1:${server.address().port}/manifest.json`;

    // 3. Chromium with the extension; the bench page talks to the worker like the options page does.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: benchChromiumArgs(ext),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/lists-bench.html`);
    const ask = (type, payload) => page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload]);
    const status = async () => (await ask('getSyncStatus', {})).value[0];
    const waitVersion = async (version) => {
      for (;;) {
        const s = await status();
        if (s?.version === version && s.status !== 'syncing') return s;
        if (s?.status === 'error' && !s.progress) throw new Error(`sync failed: ${s.error.code}: ${s.error.message}`);
        await page.waitForTimeout(250);
      }
    };
    const usage0 = await page.evaluate(() => window.lzListsBench.estimate());

    // 4. Initial sync, sampling memory.
    const mem0 = chromiumMemory(profile);
    let peak = { ...mem0 };
    const sampler = setInterval(() => {
      const m = chromiumMemory(profile);
      peak = { total: Math.max(peak.total, m.total), extension: Math.max(peak.extension, m.extension) };
    }, 200);
    t = performance.now();
    const sub = await ask('subscribeFeed', { url: manifestUrl, publicKey: Buffer.from(key.publicKey).toString('base64') });
    if (!sub.ok) throw new Error(sub.error);
    const s1 = await waitVersion(1);
    const wall = (performance.now() - t) / 1000;
    clearInterval(sampler);
    if (s1.counts.blacklist !== v1.blacklist.count) throw new Error(`synced ${s1.counts.blacklist} keys, expected ${v1.blacklist.count}`);
    const usage1 = await page.evaluate(() => window.lzListsBench.estimate());

    // 5. Delta: 10,000 changes.
    dir.dir = join(tmp, 'v2');
    const before = (await status()).lastSuccess;
    const tDelta = performance.now();
    await ask('syncFeeds', {});
    const s2 = await waitVersion(2);
    // Until the worker says it is done, garbage collection of the old pages included.
    const deltaWall = (performance.now() - tDelta) / 1000;
    const deltaSeconds = (s2.lastSuccess - s2.lastAttempt) / 1000;
    if (s2.lastSuccess === before) throw new Error('delta sync did not run');

    // 6. Lookups: pages of 10 USCCs (9 not listed, 1 listed), each also checking the page's domain.
    // Right after the delta sync (the headline figure, as before). Most lookups are answered from
    // memory; the few whose identifiers a page filter cannot rule out (~3 %) read a page from
    // IndexedDB, and in the seconds after a sync that rewrote and deleted ~10,000 pages those reads
    // wait for the browser's database compaction: that is this series' tail (see `split.slowest`),
    // and why the same lookups are timed again once the browser has settled.
    const pages = Array.from({ length: runs + 20 }, (_, r) => [...Array.from({ length: 9 }, (_, k) => randomId(r * 10 + k)), KNOWN[r % KNOWN.length]]);
    const looked = await page.evaluate((p) => window.lzListsBench.lookups(p), pages);
    const ms = looked.ms.slice(20);
    const breakdown = await page.evaluate((p) => window.lzListsBench.breakdown(p), pages.slice(20));
    if (looked.hits.some((h) => h !== 1)) throw new Error(`lookups found ${JSON.stringify([...new Set(looked.hits)])} hits per page, expected 1`);
    // The same lookups (other identifiers) once the browser has settled: right after a sync, the
    // browser process is still compacting its IndexedDB files, which shows in the tail.
    await page.waitForTimeout(settleSeconds * 1000);
    const settledPages = pages.map((ids, r) => [...ids.slice(0, 9).map((_, k) => randomId(1e6 + r * 10 + k)), ids[9]]);
    const again = await page.evaluate((p) => window.lzListsBench.lookups(p), settledPages);
    if (again.hits.some((h) => h !== 1)) throw new Error(`settled lookups found ${JSON.stringify([...new Set(again.hits)])} hits per page, expected 1`);
    const settled = again.ms.slice(20);
    const roundTrip = await page.evaluate((n) => window.lzListsBench.roundTrip(n), runs);

    const seconds = (s1.lastSuccess - s1.lastAttempt) / 1000;
    const result = {
      entries: v1.blacklist.count,
      seconds: +seconds.toFixed(2),
      wall_seconds: +wall.toFixed(2),
      bytes_per_entry: +((usage1 - usage0) / v1.blacklist.count).toFixed(2),
      stored_bytes: usage1 - usage0,
      feed_bytes: feedBytes,
      shards: v1.blacklist.shards.length,
      peak_memory_mb: Math.round(peak.extension),
      peak_memory_note: 'peak RSS of the extension process (its service worker); IndexedDB itself runs in the browser process',
      browser_total_rss_delta_mb: Math.round(peak.total - mem0.total),
      generate_seconds: +generateSeconds.toFixed(2),
      delta: { changes: count, seconds: +deltaSeconds.toFixed(2), wall_seconds: +deltaWall.toFixed(2) },
      lookup: {
        identifiers_per_page: 10,
        runs: ms.length,
        ...series(ms, looked),
        indexeddb_round_trip_ms: { p50: +roundTrip[0].toFixed(2), p99: +roundTrip[1].toFixed(2), note: 'a read-only transaction that reads only the feed rows, in the same page' },
        breakdown_median_ms: breakdown,
        settled: {
          after_seconds: settleSeconds,
          ...series(settled, again),
        },
      },
      delta_seconds: +deltaSeconds.toFixed(2),
      lookup_p50_ms: +pct(ms, 0.5).toFixed(2),
      lookup_p99_ms: +pct(ms, 0.99).toFixed(2),
    };
    return result;
  } finally {
    await context?.close().catch(() => undefined);
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchSyncBrowser(), null, 2));
}
