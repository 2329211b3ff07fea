import type { FeedRow, FilterRow, ListsDb, ShardRow } from './lists-db';
import { LEGACY_FILTER_PROBES, mayContain } from './page-filter';

/**
 * What lookups keep in memory of a generation: its shard rows (page indexes, ~600 bytes per shard)
 * and its page filters (2 bytes per entry), by generation uid, then shard number. A generation's rows
 * never change and the uid is new for every import, so a cached row is never out of date; only
 * generations in use are kept. Rebuilt from IndexedDB by every worker: nothing here has to survive a
 * restart, and a lookup never depends on it being complete (a shard row it lacks is read in the
 * lookup's own transaction; a page whose filter it lacks is read).
 */
interface Cached {
  shards: Map<number, ShardRow>;
  filters: Map<number, FilterRow>;
  done: boolean;
}

const cache = new Map<string, Cached>();
const loading = new Map<string, Promise<void>>();

/**
 * Shards per read while warming. One read of all filters of 10 million entries is 20 MB whose
 * structured-clone decoding blocks the thread for tens of milliseconds, in the middle of whatever
 * lookup is running; 32 shards (~1 MB) at a time keep each pause short and let lookups in between.
 */
const CHUNK_SHARDS = 32;

const entryOf = (uid: string): Cached => {
  let entry = cache.get(uid);
  if (!entry) cache.set(uid, (entry = { shards: new Map(), filters: new Map(), done: false }));
  return entry;
};

/** The cached shard row, or undefined. */
export function cachedShard(uid: string, shard: number): ShardRow | undefined {
  return cache.get(uid)?.shards.get(shard);
}

/** Keeps a shard row a lookup read. */
export function rememberShard(uid: string, row: ShardRow): void {
  entryOf(uid).shards.set(row.shard, row);
}

/**
 * What the filter of a page says of a hash: false when the page certainly does not hold it, true
 * when it may, or when the filter is not in memory (then the page is read).
 */
export function filterAllows(uid: string, shard: number, page: number, hash: Uint8Array): boolean {
  const row = cache.get(uid)?.filters.get(shard);
  const filter = row?.filters[page];
  return !filter || mayContain(filter, hash, row.probes ?? LEGACY_FILTER_PROBES);
}

/** Drops the generations no feed row names any more. */
export function pruneGenerations(rows: FeedRow[]): void {
  const inUse = new Set(rows.map((r) => r.active?.uid));
  for (const uid of cache.keys()) if (!inUse.has(uid)) cache.delete(uid);
}

/**
 * Loads the shard rows and page filters of the feeds' active generations into memory (for 10 million
 * entries ~300 KB and 20 MB), a few shards per read, once per generation and worker. Lookups do not
 * wait for it.
 */
export function warmGenerations(db: ListsDb, rows: FeedRow[]): Promise<void> {
  pruneGenerations(rows);
  return Promise.all(
    rows.map((row) => {
      const active = row.active;
      if (!row.enabled || !active || cache.get(active.uid)?.done) return;
      let load = loading.get(active.uid);
      if (!load) {
        load = loadAll(db, row.id, active.generation, active.uid, 2 ** active.shardBits)
          .catch(() => undefined) // retried by a later lookup
          .finally(() => loading.delete(active.uid));
        loading.set(active.uid, load);
      }
      return load;
    }),
  ).then(() => undefined);
}

async function loadAll(db: ListsDb, feedId: string, generation: number, uid: string, shardCount: number): Promise<void> {
  const entry = entryOf(uid);
  for (let from = 0; from < shardCount; from += CHUNK_SHARDS) {
    const range = [[feedId, generation, from], [feedId, generation, Math.min(shardCount, from + CHUNK_SHARDS) - 1]] as const;
    const [shards, filters] = await db.transaction('r', db.blobs, db.filters, () =>
      Promise.all([
        db.blobs.where('[feedId+generation+shard]').between(...range, true, true).toArray(),
        db.filters.where('[feedId+generation+shard]').between(...range, true, true).toArray(),
      ]),
    );
    // Dropped meanwhile (a newer generation is in use): stop reading for it.
    if (cache.get(uid) !== entry) return;
    for (const r of shards) entry.shards.set(r.shard, r);
    for (const f of filters) entry.filters.set(f.shard, f);
  }
  entry.done = true;
}
