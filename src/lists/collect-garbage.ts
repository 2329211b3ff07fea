import { feedRange, type ListsDb } from './lists-db';
import { bornGeneration } from './store-shard';

/** Cached leaves older than this are dropped (they are refetched on the next hit). */
export const CACHE_MAX_AGE_MS = 30 * 86_400_000;

const CHUNK = 500;

/**
 * Deletes what no live generation (the active one, the pending import) uses: shard rows, filters
 * and manifests of other generations, pages no live shard row names, in small transactions; and cache
 * rows past their age. Runs after a switch; lookups already read the new generation, so nothing
 * they use disappears. Pages made by the pending import or a newer one are never deleted, even
 * when no stored shard row names them yet.
 */
export async function collectGarbage(db: ListsDb, feedId: string, now: number): Promise<number> {
  const row = await db.feeds.get(feedId);
  if (!row) return 0;
  const live = new Set([row.active?.generation, row.pending?.generation].filter((g) => g !== undefined));
  const newest = Math.max(0, ...live);
  const keepPages = new Set<number>();
  const dropShards: [string, number, number][] = [];
  await db.blobs.where('[feedId+generation+shard]').between(...feedRange(feedId)).each((r) => {
    if (live.has(r.generation) || r.generation > newest) for (const k of r.pages) keepPages.add(k);
    else dropShards.push([feedId, r.generation, r.shard]);
  });
  const dropPages = (await db.pages.where(':id').between(...feedRange(feedId)).primaryKeys()).filter(([, k]) => !keepPages.has(k) && bornGeneration(k) < newest + (row.pending ? 0 : 1));
  for (let i = 0; i < dropShards.length; i += CHUNK) {
    const chunk = dropShards.slice(i, i + CHUNK);
    await db.transaction('rw', db.blobs, db.filters, async () => {
      await db.blobs.bulkDelete(chunk);
      await db.filters.bulkDelete(chunk);
    });
  }
  for (let i = 0; i < dropPages.length; i += CHUNK) await db.pages.bulkDelete(dropPages.slice(i, i + CHUNK));
  const manifests = new Set([row.active?.manifestSha, row.pending?.manifestSha]);
  const dropManifests = (await db.manifests.where(':id').between(...feedRange(feedId)).primaryKeys()).filter(([, sha]) => !manifests.has(sha));
  await db.manifests.bulkDelete(dropManifests);
  await db.cache.where('fetchedAt').below(now - CACHE_MAX_AGE_MS).delete();
  return dropShards.length + dropPages.length;
}
