import { warmGenerations } from './generation-cache';
import type { CacheRow, FeedRow, ListsDb } from './lists-db';
import { forgetLookups, lookupMemo, pageMemoKey, type LookupMemo } from './lookup-memory';
import { plan, readInTransaction, request, toPages, type PageRead } from './lookup-transaction';

/**
 * Reads a lookup makes after its pages, in the same transaction (a cached details leaf of a hit):
 * every transaction is a round trip to the browser's IndexedDB thread, and on a busy machine each
 * one has a tail of several milliseconds, so the lookup makes one, not one per step.
 */
export type FollowUp<T> = (read: { rows: FeedRow[]; pages: PageRead[] }, getCached: (key: string) => Promise<CacheRow | undefined>) => Promise<T>;

/**
 * The lookup's reads. From memory when everything it needs is there ({@link lookupMemo}: the feed
 * rows, the shard rows and filters of their generations, the pages, the cache rows), which is the
 * common case: no transaction at all. Otherwise ONE read-only transaction, so that the reads see one
 * generation of each feed: the feed pointers, the shard rows the hashes fall into (cached, see
 * generation-cache; on a miss read in the same transaction, ~600 bytes each) and one ~4 KB page per
 * hash and feed, unless the page's filter ({@link warmGenerations}) rules the hash out; then
 * `followUp`'s reads. The pages are asked for together with the feed rows, from the pointers the
 * previous lookup saw; they are used only if this transaction's feed rows name the same generations
 * (otherwise they are read again), so one round trip to the database usually does. On the native
 * API: this is the hot path, and Dexie's promise bookkeeping per request costs about as much as the
 * reads.
 */
export async function readPages<T = undefined>(db: ListsDb, hashes: Uint8Array[], followUp?: FollowUp<T>): Promise<{ rows: FeedRow[]; pages: PageRead[]; more: T | undefined }> {
  if (!db.isOpen()) {
    await db.open();
    // Closed meanwhile (a newer schema version, the database deleted): nothing remembered holds.
    forgetLookups(db);
  }
  const memo = lookupMemo(db);
  let tx: IDBTransaction | null = null;
  // A transaction that aborts rejects the lookup (its requests may never answer).
  let abort!: (error: unknown) => void;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const open = (stores: string[]) => {
    const t = db.backendDB().transaction(stores, 'readonly');
    t.onabort = () => abort(t.error ?? new Error('lookup transaction aborted'));
    return t;
  };
  const getCached = async (key: string): Promise<CacheRow | undefined> => {
    const known = memo.cache.get(key);
    if (known) return known.row;
    const readAt = memo.cache.now();
    // In the lookup's transaction while it is alive (a cache row needs no consistency with the pages).
    let row: CacheRow | undefined;
    try {
      row = await request<CacheRow | undefined>((tx ??= open(['cache'])).objectStore('cache').get(key));
    } catch (error) {
      // The transaction has finished meanwhile: a new one for this read.
      if (!(error instanceof DOMException && (error.name === 'TransactionInactiveError' || error.name === 'InvalidStateError'))) throw error;
      row = await request<CacheRow | undefined>((tx = open(['cache'])).objectStore('cache').get(key));
    }
    memo.cache.keep(key, { row }, readAt);
    return row;
  };
  const run = async () => {
    const fromMemory = inMemory(memo, hashes);
    let rows: FeedRow[];
    let pages: PageRead[];
    if (fromMemory) {
      ({ rows, pages } = fromMemory);
      void warmGenerations(db, rows);
    } else {
      tx = open(followUp ? ['feeds', 'blobs', 'pages', 'cache'] : ['feeds', 'blobs', 'pages']);
      ({ rows, pages } = await readInTransaction(db, tx, memo, hashes));
    }
    const more = followUp && (await followUp({ rows, pages }, getCached));
    return { rows, pages, more };
  };
  return Promise.race([run(), aborted]);
}

/** Rows and pages when memory has all of them (and the shard rows they need), else null. */
function inMemory(memo: LookupMemo, hashes: Uint8Array[]): { rows: FeedRow[]; pages: PageRead[] } | null {
  const rows = memo.feeds.get('rows');
  const wanted = rows && plan(rows, hashes);
  if (!rows || !wanted) return null;
  const bytes = wanted.map((w) => memo.pages.get(pageMemoKey(w.key[0], w.key[1])));
  return bytes.every((b) => b) ? { rows, pages: toPages(wanted, bytes) } : null;
}
