// Bundled into a bench page inside a copy of the built extension (same origin as its service worker,
// so the same IndexedDB): times the lookups the worker runs for a scanned page, with the same engine.
import { checkScanWithLists } from '../../src/lists/check-scan';
import { openListsDb } from '../../src/lists/lists-db';
import { lookupIdentifiers } from '../../src/lists/lookup-identifiers';
import type { Identifier, ScanResult } from '../../src/types';

declare global {
  interface Window {
    lzListsBench: {
      /** Times checkScanWithLists on `pages` (each a list of USCCs); returns ms per page and blacklisted hits per page. */
      lookups(pages: string[][]): Promise<{ ms: number[]; hits: number[] }>;
      estimate(): Promise<number>;
      /** Where a lookup's time goes: median ms of reading the feed rows, one shard blob, and lookupIdentifiers alone. */
      breakdown(pages: string[][]): Promise<{ feedRowsMs: number; shardBlobMs: number; tenShardsBulkGetMs: number; blacklistOnlyMs: number }>;
    };
  }
}

const identifier = (value: string): Identifier => ({ kind: 'uscc', value, valid: true, problems: [], label: null, source: 'text', evidence: value, count: 1 });

window.lzListsBench = {
  async lookups(pages) {
    const db = openListsDb({ indexedDB, IDBKeyRange });
    const ms: number[] = [];
    const hits: number[] = [];
    for (const ids of pages) {
      const page: ScanResult = { url: 'https://shop.example.com/item/1', identifiers: ids.map(identifier), licenses: [], badges: [], verdict: { level: 'ok', findings: [] } };
      const t = performance.now();
      const out = await checkScanWithLists(db, page, 'zh-CN');
      ms.push(performance.now() - t);
      hits.push(out.verdict.findings.filter((f) => f.code === 'blacklisted').length);
    }
    db.close();
    return { ms, hits };
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
    const shards = feed.active!.manifest.blacklist.shards;
    let k = 0;
    const feedRowsMs = await time(() => db.feeds.toArray(), 50);
    const shardBlobMs = await time(() => db.blobs.get([feed.id, shards[(k += 37) % shards.length]!.keys.sha256]), 50);
    // The same 10 blobs a page needs, asked in one bulkGet (parallel requests in one transaction).
    const tenShardsBulkGetMs = await time(() => db.blobs.bulkGet(Array.from({ length: 10 }, () => [feed.id, shards[(k += 37) % shards.length]!.keys.sha256] as [string, string])), 30);
    let p = 0;
    const blacklistOnlyMs = await time(() => lookupIdentifiers(db, pages[p++ % pages.length]!.map((value) => ({ kind: 'uscc' as const, value }))), 100);
    db.close();
    return { feedRowsMs, shardBlobMs, tenShardsBulkGetMs, blacklistOnlyMs };
  },
  async estimate() {
    return (await navigator.storage.estimate()).usage ?? 0;
  },
};
