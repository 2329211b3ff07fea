import { prefixOf } from '../feed/bytes';
import { cachedShard, filterAllows, pruneGenerations, rememberShard, warmGenerations } from './generation-cache';
import type { CacheRow, FeedRow, ListsDb, ShardRow } from './lists-db';
import { forgetLookups, lookupMemo, pageMemoKey, type LookupMemo } from './lookup-memory';
import { pageFor } from './shard-pages';


/** The page of one feed that holds (or would hold) the records of one hash. */
export interface PageRead {
  row: FeedRow;
  /** Index of the hash in the caller's list. */
  index: number;
  page: Uint8Array;
}

/**
 * Reads a lookup makes after its pages, in the same transaction (a cached details leaf of a hit):
 * every transaction is a round trip to the browser's IndexedDB thread, and on a busy machine each
 * one has a tail of several milliseconds, so the lookup makes one, not one per step.
 */
export type FollowUp<T> = (read: { rows: FeedRow[]; pages: PageRead[] }, getCached: (key: string) => Promise<CacheRow | undefined>) => Promise<T>;

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

type Wanted = { row: FeedRow; index: number; key: [string, number] };

/** The page keys to read, from cached shard rows only; null when a shard row is not cached. */
function plan(rows: FeedRow[], hashes: Uint8Array[]): Wanted[] | null {
  const wanted: Wanted[] = [];
  for (const row of rows) {
    const active = row.active;
    if (!row.enabled || !active) continue;
    for (let index = 0; index < hashes.length; index++) {
      const shard = cachedShard(active.uid, prefixOf(hashes[index]!, active.shardBits));
      if (!shard) return null;
      const p = pageFor(shard.firsts, hashes[index]!);
      if (p >= 0 && filterAllows(active.uid, shard.shard, p, hashes[index]!)) wanted.push({ row, index, key: [row.id, shard.pages[p]!] });
    }
  }
  return wanted;
}

/** Whether two reads of the feed rows name the same generations (so the same pages). */
const sameGenerations = (a: FeedRow[], b: FeedRow[]) =>
  a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.enabled === b[i]!.enabled && r.active?.uid === b[i]!.active?.uid);

/** The feed rows the last lookup read, per database: the likely pointers of the next one. */
const lastRows = new WeakMap<ListsDb, FeedRow[]>();

const toPages = (wanted: Wanted[], bytes: (Uint8Array | undefined)[]): PageRead[] =>
  wanted.map((w, i) => {
    const page = bytes[i];
    if (!page) throw new Error(`lists database damaged: a page of ${w.row.name} is missing`);
    return { row: w.row, index: w.index, page };
  });

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
      if (!(error instanceof DOMException && error.name === 'TransactionInactiveError')) throw error;
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

async function readInTransaction(db: ListsDb, tx: IDBTransaction, memo: LookupMemo, hashes: Uint8Array[]): Promise<{ rows: FeedRow[]; pages: PageRead[] }> {
  const store = tx.objectStore('pages');
  const pagesAt = memo.pages.now();
  const fetchPages = (wanted: Wanted[]) => Promise.all(wanted.map((w) => memo.pages.get(pageMemoKey(w.key[0], w.key[1])) ?? request<Uint8Array | undefined>(store.get(w.key))));
  const rowsAt = memo.feeds.now();
  const rowsRead = request<FeedRow[]>(tx.objectStore('feeds').getAll());
  const guess = lastRows.get(db);
  let wanted = guess && hashes.length ? plan(guess, hashes) : null;
  let got = wanted ? fetchPages(wanted) : null;
  const rows = await rowsRead;
  lastRows.set(db, rows);
  memo.feeds.keep('rows', rows, rowsAt);
  void warmGenerations(db, rows);
  if (!wanted || !sameGenerations(guess!, rows)) {
    got?.catch(() => undefined);
    wanted = hashes.length ? plan(rows, hashes) : [];
    if (!wanted) {
      await loadShardRows(tx, rows, hashes);
      wanted = plan(rows, hashes);
      if (!wanted) throw new Error('lists database damaged: a shard of a loaded list is missing');
    }
    got = fetchPages(wanted);
  }
  const bytes = await got!;
  wanted.forEach((w, i) => bytes[i] && memo.pages.keep(pageMemoKey(w.key[0], w.key[1]), bytes[i], pagesAt));
  return { rows, pages: toPages(wanted, bytes) };
}

/**
 * Reads (in the lookup's transaction) the shard rows the hashes need that are not cached: one small
 * request each, all at once. A worker is stopped after 30 s idle, so the first lookup after a start
 * is common; it reads these few rows, not the page index of the whole list.
 */
async function loadShardRows(tx: IDBTransaction, rows: FeedRow[], hashes: Uint8Array[]): Promise<void> {
  pruneGenerations(rows);
  const store = tx.objectStore('blobs');
  const reads: Promise<void>[] = [];
  for (const row of rows) {
    const active = row.active;
    if (!row.enabled || !active) continue;
    for (const s of new Set(hashes.map((h) => prefixOf(h, active.shardBits)))) {
      if (cachedShard(active.uid, s)) continue;
      reads.push(request<ShardRow | undefined>(store.get([row.id, active.generation, s])).then((r) => void (r && rememberShard(active.uid, r))));
    }
  }
  await Promise.all(reads);
}
