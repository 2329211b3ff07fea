import type { IndexableTypeArrayReadonly } from 'dexie';
import type { FileRef } from '../feed/format';
import type { ListsDb, ShardRow } from './lists-db';
import type { PageSet } from './merge-pages';
import { FILTER_PROBES, buildFilter } from './page-filter';
import { firstsOf } from './shard-pages';

const GEN = 2 ** 32;
const SHARD = 2 ** 16;

/**
 * Key of page `index` of `shard` made by the import of `generation`. Unique without a counter:
 * one import writes each shard once, in one transaction. Pages a delta leaves unchanged keep the
 * key of the generation that made them, so generations share them.
 */
export function pageKey(generation: number, shard: number, index: number): number {
  if (shard >= SHARD || index >= SHARD) throw new Error(`page ${index} of shard ${shard} is out of range`);
  return generation * GEN + shard * SHARD + index;
}

/** The generation whose import wrote a page. */
export const bornGeneration = (key: number): number => Math.floor(key / GEN);

/**
 * Stores one shard of a generation: its new pages, its page index and its page filters, in one
 * short transaction together with the progress checkpoint. The caller has checked the shard against
 * the manifest. `kept`: filters of pages the set keeps from the active generation, by page key
 * (built with {@link FILTER_PROBES}: all filters of a row have the same count).
 */
export async function storeShard(db: ListsDb, feedId: string, generation: number, shard: number, ref: FileRef, set: PageSet, kept?: Map<number, Uint8Array>): Promise<void> {
  const keys = set.keys.map((k, i) => k ?? pageKey(generation, shard, i));
  const fresh = set.keys.flatMap((k, i) => (k === null ? [i] : []));
  const row: ShardRow = { feedId, generation, shard, sha256: ref.sha256, count: ref.count, firsts: firstsOf(set.pages), pages: keys };
  const filters = set.pages.map((p, i) => (set.keys[i] === null ? null : kept?.get(set.keys[i]!)) ?? buildFilter(p));
  await db.transaction('rw', [db.blobs, db.filters, db.pages, db.feeds], async () => {
    // Dexie's types do not admit array keys in bulkPut's key list; IndexedDB does.
    const pageKeys = fresh.map((i) => [feedId, keys[i]!]) as unknown as IndexableTypeArrayReadonly;
    if (fresh.length) await db.pages.bulkPut(fresh.map((i) => set.pages[i]!), pageKeys);
    await db.blobs.put(row);
    await db.filters.put({ feedId, generation, shard, filters, probes: FILTER_PROBES });
    await bumpProgress(db, feedId, generation, 1);
  });
}

/** Reuses shard rows (and filters) of the active generation (same SHA-256) for the new one: pages are shared. */
export async function reuseShards(db: ListsDb, generation: number, rows: ShardRow[]): Promise<void> {
  if (!rows.length) return;
  await db.transaction('rw', [db.blobs, db.filters, db.feeds], async () => {
    const filters = await db.filters.bulkGet(rows.map((r) => [r.feedId, r.generation, r.shard] as [string, number, number]));
    await db.blobs.bulkPut(rows.map((r) => ({ ...r, generation })));
    // A shard without a filter row is still found: its pages are then always read.
    await db.filters.bulkPut(filters.flatMap((f) => (f ? [{ ...f, generation }] : [])));
    await bumpProgress(db, rows[0]!.feedId, generation, rows.length);
  });
}

async function bumpProgress(db: ListsDb, feedId: string, generation: number, n: number): Promise<void> {
  const row = await db.feeds.get(feedId);
  if (row?.pending?.generation === generation) await db.feeds.update(feedId, { pending: { ...row.pending, done: Math.min(row.pending.total, row.pending.done + n) } });
}
