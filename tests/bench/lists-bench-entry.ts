// Bundled into a bench page inside a copy of the built extension (same origin as its service worker,
// so the same IndexedDB): times the lookups the worker runs for a scanned page, with the same engine.
import { lookupPage } from '../../src/lists/lookup-page';
import { judge } from '../../src/verdict/judge';
import { openListsDb } from '../../src/lists/lists-db';
import { hashQueriesSync, lookupIdentifiers } from '../../src/lists/lookup-identifiers';
import { warmGenerations } from '../../src/lists/generation-cache';
import { readPages } from '../../src/lists/read-pages';
import type { PageFacts } from '../../src/scan/facts';
import type { Identifier } from '../../src/types';

declare global {
  interface Window {
    lzListsBench: {
      /**
       * Times lookupPage + judge on `pages` (each a list of USCCs); returns ms per page, blacklisted
       * hits per page and the IndexedDB transactions each lookup opened (0: answered from memory).
       */
      lookups(pages: string[][]): Promise<{ ms: number[]; hits: number[]; transactions: number[]; cpuMs: number[]; warmedAfter: number | null }>;
      /** p50 and p99 (ms) of a read-only transaction that reads only the feed rows: one round trip to IndexedDB. */
      roundTrip(n: number): Promise<[number, number]>;
      estimate(): Promise<number>;
      /** Where a lookup's time goes: median ms of reading the feed rows, one shard's page index, one page, ten pages, and lookupIdentifiers alone. */
      breakdown(pages: string[][]): Promise<{ feedRowsMs: number; shardRowMs: number; pageMs: number; tenPagesMs: number; blacklistOnlyMs: number; blacklistOnlyP99Ms: number; slowestMs: number[]; hashMs: number[]; readPagesMs: number[]; readOnePageMs: number[] }>;
    };
  }
}

// Counts the transactions this page opens (the lookups use the native API for theirs): bench only.
let transactionsOpened = 0;
const nativeTransaction = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
  transactionsOpened++;
  return nativeTransaction.apply(this, args);
};

const identifier = (value: string): Identifier => ({ kind: 'uscc', value, valid: true, problems: [], label: null, source: 'text', evidence: value, count: 1 });

window.lzListsBench = {
  async lookups(pages) {
    const db = openListsDb({ indexedDB, IDBKeyRange });
    const ms: number[] = [];
    const hits: number[] = [];
    const transactions: number[] = [];
    // The machine's own noise, interleaved with the lookups: a synchronous job of about a lookup's
    // CPU time (hashing the page's identifiers twice), with no I/O. Its tail is preemption and GC.
    const cpuMs: number[] = [];
    // How many lookups ran before this page had the generation's shard rows and filters in memory
    // (loaded in the background from the first lookup on; then lookups read more pages).
    let warmedAfter: number | null = null;
    let warming: Promise<unknown> | null = null;
    for (const ids of pages) {
      if (!warming && ms.length === 1) warming = warmGenerations(db, await db.feeds.toArray()).then(() => (warmedAfter = ms.length));
      const c = performance.now();
      for (let k = 0; k < 2; k++) hashQueriesSync(ids.map((value) => ({ kind: 'uscc' as const, value })));
      cpuMs.push(performance.now() - c);
      const page: PageFacts = { url: 'https://shop.example.com/item/1', identifiers: ids.map(identifier), licenses: [], badges: [], store: null };
      const before = transactionsOpened;
      const t = performance.now();
      const out = judge(page, { lang: 'zh-CN', lookups: await lookupPage(db, page) });
      ms.push(performance.now() - t);
      transactions.push(transactionsOpened - before);
      hits.push(out.verdict.findings.filter((f) => f.code === 'blacklisted').length);
    }
    db.close();
    await warming;
    return { ms, hits, transactions, cpuMs, warmedAfter };
  },
  async roundTrip(n) {
    const db = openListsDb({ indexedDB, IDBKeyRange });
    await db.open();
    const idb = db.backendDB();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await new Promise((resolve, reject) => {
        const r = idb.transaction('feeds', 'readonly').objectStore('feeds').getAll();
        r.onsuccess = resolve;
        r.onerror = reject;
      });
      out.push(performance.now() - t);
    }
    db.close();
    out.sort((a, b) => a - b);
    return [out[n >> 1]!, out[Math.floor(n * 0.99)]!];
  },
  async breakdown(pages) {
    const db = openListsDb({ indexedDB, IDBKeyRange });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
    const time = async (run: () => Promise<unknown>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await run();
        out.push(performance.now() - t);
      }
      return median(out);
    };
    const feed = (await db.feeds.toArray())[0]!;
    const { generation } = feed.active!;
    const shardCount = 2 ** feed.active!.shardBits;
    const shardKey = (s: number) => [feed.id, generation, s % shardCount] as [string, number, number];
    let k = 0;
    const feedRowsMs = await time(() => db.feeds.toArray(), 50);
    const shardRowMs = await time(() => db.blobs.get(shardKey((k += 37))), 50);
    // Page keys to read: the middle page of some shards.
    const rows = await db.blobs.bulkGet(Array.from({ length: 64 }, (_, i) => shardKey(i * 7)));
    const pageKeys = rows.map((r) => [feed.id, r!.pages[r!.pages.length >> 1]!] as [string, number]);
    const pageMs = await time(() => db.pages.get(pageKeys[(k += 5) % pageKeys.length]!), 50);
    // The 10 pages a page of 10 identifiers needs, in one read-only transaction (as a lookup does).
    const tenPagesMs = await time(() => db.transaction('r', db.feeds, db.blobs, db.pages, () => db.pages.bulkGet(Array.from({ length: 10 }, () => pageKeys[(k += 7) % pageKeys.length]!))), 30);
    const blacklistOnly: number[] = [];
    for (const ids of pages) {
      const t = performance.now();
      await lookupIdentifiers(db, ids.map((value) => ({ kind: 'uscc' as const, value })));
      blacklistOnly.push(performance.now() - t);
    }
    blacklistOnly.sort((a, b) => a - b);
    // The two halves of a lookup: hashing the identifiers, and the one read-only transaction.
    const hashT: number[] = [];
    const readT: number[] = [];
    for (const ids of pages) {
      let t = performance.now();
      const hashed = hashQueriesSync(ids.map((value) => ({ kind: 'uscc' as const, value })));
      hashT.push(performance.now() - t);
      t = performance.now();
      await readPages(db, hashed.map((h) => h.hash));
      readT.push(performance.now() - t);
    }
    const p50p99 = (xs: number[]) => (xs.sort((a, b) => a - b), [xs[xs.length >> 1]!, xs[Math.floor(xs.length * 0.99)]!]);
    const hashMs = p50p99(hashT);
    // The same transaction for ONE identifier (feed rows + one page): the floor of an IndexedDB lookup here.
    const oneT: number[] = [];
    for (const ids of pages) {
      const [h] = hashQueriesSync([{ kind: 'uscc', value: ids[0]! }]);
      const t = performance.now();
      await readPages(db, [h!.hash]);
      oneT.push(performance.now() - t);
    }
    const readOnePageMs = p50p99(oneT);
    const readPagesMs = p50p99(readT);
    const blacklistOnlyMs = blacklistOnly[blacklistOnly.length >> 1]!;
    const blacklistOnlyP99Ms = blacklistOnly[Math.floor(blacklistOnly.length * 0.99)]!;
    const slowestMs = blacklistOnly.slice(-5);
    db.close();
    return { feedRowsMs, shardRowMs, pageMs, tenPagesMs, blacklistOnlyMs, blacklistOnlyP99Ms, slowestMs, hashMs, readPagesMs, readOnePageMs };
  },
  async estimate() {
    return (await navigator.storage.estimate()).usage ?? 0;
  },
};
