import type { Manifest } from '../feed/format';
import type { ListsDb } from './lists-db';

/** Cached leaves older than this are dropped (they are refetched on the next hit). */
export const CACHE_MAX_AGE_MS = 30 * 86_400_000;

/**
 * Deletes blobs no generation of the feed still names (the previous generation, abandoned
 * imports), in small transactions, and cache rows past their age. Runs after a switch; lookups
 * already read the new generation, so nothing they use disappears.
 */
export async function collectGarbage(db: ListsDb, feedId: string, now: number): Promise<number> {
  const row = await db.feeds.get(feedId);
  if (!row) return 0;
  const keep = new Set<string>();
  const pending = row.pending ? (JSON.parse((JSON.parse(row.pending.manifestText) as { payload: string }).payload) as Manifest) : undefined;
  for (const m of [row.active?.manifest, pending]) {
    for (const s of m?.blacklist.shards ?? []) keep.add(s.keys.sha256);
  }
  const keys = await db.blobs.where('feedId').equals(feedId).primaryKeys();
  const drop = keys.filter(([, sha]) => !keep.has(sha));
  for (let i = 0; i < drop.length; i += 200) await db.blobs.bulkDelete(drop.slice(i, i + 200));
  await db.cache.where('fetchedAt').below(now - CACHE_MAX_AGE_MS).delete();
  return drop.length;
}
