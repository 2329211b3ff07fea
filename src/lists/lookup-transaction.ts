import { prefixOf } from '../feed/bytes';
import { cachedShard, filterAllows, pruneGenerations, rememberShard, warmGenerations } from './generation-cache';
import type { FeedRow, ListsDb, ShardRow } from './lists-db';
import { pageMemoKey, type LookupMemo } from './lookup-memory';
import { pageFor } from './shard-pages';

/** The page of one feed that holds (or would hold) the records of one hash. */
export interface PageRead {
  row: FeedRow;
  /** Index of the hash in the caller's list. */
  index: number;
  page: Uint8Array;
}

/** An IndexedDB request as a promise. */
export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** A page to read: for which feed and hash, under which key. */
export type Wanted = { row: FeedRow; index: number; key: [string, number] };

/** The page keys to read, from cached shard rows only; null when a shard row is not cached. */
export function plan(rows: FeedRow[], hashes: Uint8Array[]): Wanted[] | null {
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

/** The pages read for `wanted`; a page that should be there and is not means a damaged database. */
export const toPages = (wanted: Wanted[], bytes: (Uint8Array | undefined)[]): PageRead[] =>
  wanted.map((w, i) => {
    const page = bytes[i];
    if (!page) throw new Error(`lists database damaged: a page of ${w.row.name} is missing`);
    return { row: w.row, index: w.index, page };
  });

/** The lookup's reads that memory could not answer, in its one transaction (see readPages). */
export async function readInTransaction(db: ListsDb, tx: IDBTransaction, memo: LookupMemo, hashes: Uint8Array[]): Promise<{ rows: FeedRow[]; pages: PageRead[] }> {
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
