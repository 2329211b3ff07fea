// Feed sync figures in node: build a feed of N blacklist entries, serve it on 127.0.0.1, sync it
// into fake-indexeddb, apply a 10,000-change delta, and time lookups.
//   node scripts/bench-sync.mjs            (N = LZ_BENCH_SYNC_N, default 1,000,000)
// `benchSyncNode()` is exported for scripts/bench.mjs / tests/bench. The target (10 million entries in
// real Chromium in under 2 minutes at under 12 bytes per entry) needs a browser run; this gives the
// node figures and the stored bytes per entry, which do not depend on the browser.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// The browser figures (the targets are for real Chromium): tests/bench/run-bench.ts prefers this one.
export { benchSyncBrowser } from './bench-sync-browser.mjs';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A USCC-shaped id for n (format-valid; check characters do not matter to the feed). */
const idOf = (n) => {
  let s = '';
  let x = n * 2654435761 % 2 ** 40 + n;
  for (let i = 0; i < 16; i++) {
    s += ALPHABET[x % 31];
    x = Math.floor(x / 31) + i * 7919;
  }
  return '91' + s;
};

async function writeCsv(path, from, to, skip = () => false) {
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  await write('id,id_type,list,name,reason,authority,listed_on,source_url\n');
  let chunk = '';
  for (let n = from; n < to; n++) {
    if (skip(n)) continue;
    chunk += `${idOf(n)},uscc,serious-dishonest,企业${n},原因,机关,2024-01-01,\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
}

function serve(dirRef) {
  const server = createServer((req, res) => {
    try {
      const body = readFileSync(join(dirRef.dir, normalize(new URL(req.url, 'http://x').pathname)));
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** Peak RSS (includes what the build left behind in this process) and peak JS heap during a phase. */
function peakMemory() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed + m.arrayBuffers);
  };
  sample();
  const t = setInterval(sample, 25);
  return () => {
    clearInterval(t);
    sample();
    return { rssMB: Math.round(rss / 1048576), heapMB: Math.round(heap / 1048576) };
  };
}

const pct = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Runs the node sync benchmark; returns the figures. */
export async function benchSyncNode({ n = Number(process.env.LZ_BENCH_SYNC_N ?? 1_000_000), changes = 10_000 } = {}) {
  const imp = (p) => tsImport(p, import.meta.url);
  const { buildFeed } = await imp('../src/tools/feed/build/build-feed.ts');
  const { generateFeedKey, parseFeedKey } = await imp('../src/feed/signature.ts');
  const { openListsDb } = await imp('../src/lists/lists-db.ts');
  const { subscribeFeed } = await imp('../src/lists/subscriptions.ts');
  const { syncFeed } = await imp('../src/lists/sync-feed.ts');
  const { lookupIdentifiers } = await imp('../src/lists/lookup-identifiers.ts');
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');

  const tmp = mkdtempSync(join(tmpdir(), 'lz-bench-sync-'));
  try {
    const key = await parseFeedKey(JSON.stringify(await generateFeedKey()));
    const csv1 = join(tmp, 'v1.csv');
    await writeCsv(csv1, 0, n);
    let t = performance.now();
    await buildFeed({ out: join(tmp, 'v1'), ...key, blacklist: [csv1], entities: [], version: 1 });
    const buildSeconds = (performance.now() - t) / 1000;
    // 10,000 changes: half removed, half added.
    const csv2 = join(tmp, 'v2.csv');
    await writeCsv(csv2, 0, n + changes / 2, (i) => i < changes / 2);
    await buildFeed({ out: join(tmp, 'v2'), ...key, blacklist: [csv2], entities: [], version: 2, previous: join(tmp, 'v1') });

    const dirRef = { dir: join(tmp, 'v1') };
    const server = await serve(dirRef);
    const url = `http://127.0.0.1:${server.address().port}/manifest.json`;
    const db = openListsDb({ indexedDB: new IDBFactory(), IDBKeyRange }, 'bench');
    await subscribeFeed(db, { id: 'bench', url, publicKey: Buffer.from(key.publicKey).toString('base64') });

    const stop = peakMemory();
    t = performance.now();
    const full = await syncFeed(db, 'bench', { fetch, force: true });
    const seconds = (performance.now() - t) / 1000;
    const peak = stop();
    if (full.outcome !== 'updated') throw new Error(`sync failed: ${JSON.stringify(full)}`);
    const blobs = await db.blobs.toArray();
    const row = await db.feeds.get('bench');
    // Paged storage: page bytes, the per-shard page indexes, and the page filters.
    const pages = await db.pages.toArray();
    const filters = await db.filters.toArray();
    const stored =
      pages.reduce((s, p) => s + p.length + 16, 0) +
      blobs.reduce((s, b) => s + b.firsts.length + b.pages.length * 8 + 32, 0) +
      filters.reduce((s, f) => s + f.filters.reduce((t, x) => t + x.length, 0), 0) +
      JSON.stringify(row).length;

    dirRef.dir = join(tmp, 'v2');
    t = performance.now();
    const delta = await syncFeed(db, 'bench', { fetch, force: true });
    const deltaSeconds = (performance.now() - t) / 1000;
    if (delta.outcome !== 'updated') throw new Error(`delta sync failed: ${JSON.stringify(delta)}`);

    const times = [];
    for (let i = 0; i < 200; i++) {
      const ids = Array.from({ length: 10 }, (_, k) => ({ kind: 'uscc', value: idOf((i * 7919 + k * 104729) % (n * 2)) }));
      const s = performance.now();
      await lookupIdentifiers(db, ids);
      times.push(performance.now() - s);
    }
    db.close();
    server.close();
    return {
      entries: n,
      buildSeconds: +buildSeconds.toFixed(2),
      seconds: +seconds.toFixed(2),
      bytesPerEntry: +(stored / n).toFixed(2),
      storedBytes: stored,
      peakMemoryMB: peak.rssMB,
      peakHeapMB: peak.heapMB,
      shards: blobs.length,
      delta: { changes, seconds: +deltaSeconds.toFixed(2), fromDelta: delta.progress.fromDelta, downloaded: delta.progress.downloaded },
      lookup10: { p50ms: +pct(times, 0.5).toFixed(2), p99ms: +pct(times, 0.99).toFixed(2) },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchSyncNode(), null, 2));
}
