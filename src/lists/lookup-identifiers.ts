import { findInShard, leafPosition, pickRecord, type HashedQuery } from '../feed/feed-lookup';
import { HASH_BYTES, type BlacklistRecord, type LeafIndex, type ListName } from '../feed/format';
import { httpTransport } from '../feed/http-transport';
import { canonicalKey, keyString } from '../feed/keys';
import type { IdQuery, ListMatch, ListsStatus } from '../feed/lookup-types';
import { parseBlacklistLeaf } from '../feed/records';
import { cachedFile, cachedIndex, fileCacheKey } from './leaf-cache';
import type { ActiveGeneration, CacheRow, FeedRow, ListsDb } from './lists-db';
import { statusOf } from './lists-status';
import { loadManifest, peekManifest } from './manifest-store';
import { readPages } from './read-pages';
import { sha256Sync } from './sha256-sync';

export interface LookupDeps {
  /** To fetch the details of a hit (the hit itself needs no network); omit to stay offline. */
  fetch?: typeof fetch;
  now?: number;
  timeoutMs?: number;
}

export interface LookupResult {
  matches: ListMatch[];
  status: ListsStatus;
  /** The feed rows the lookup read (so a caller needs no second read for the same page). */
  feeds: FeedRow[];
}

/** Like hashQueries (canonical value, `type:value` key, SHA-256; duplicates dropped), synchronously. */
export function hashQueriesSync(queries: IdQuery[]): HashedQuery[] {
  const seen = new Set<string>();
  const out: HashedQuery[] = [];
  const utf8 = new TextEncoder();
  for (const q of queries) {
    const value = canonicalKey(q.kind, q.value);
    if (value === null) continue;
    const key = keyString(q.kind, value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: q.kind, value, hash: sha256Sync(utf8.encode(key)) });
  }
  return out;
}

type Hit = { row: FeedRow; active: ActiveGeneration; q: HashedQuery; lists: ListName[]; cached?: Prefetched };

/** What the lookup's own transaction found in the cache for a hit: its records, or that they are not there. */
type Prefetched = { records: BlacklistRecord[] } | 'not-cached';

/**
 * Looks identifiers up in every loaded blacklist. The feed pointers, shard page indexes and pages
 * are read in one read-only transaction ({@link readPages}), so a lookup sees one complete
 * generation (the old one or the new one), never a list half imported: one ~4 KB page per
 * identifier. The cached details of the (rare) hits are read in the same transaction; details not
 * cached yet are then fetched by hash prefix and cached.
 */
export async function lookupIdentifiers(db: ListsDb, queries: IdQuery[], deps: LookupDeps = {}): Promise<LookupResult> {
  const now = deps.now ?? Date.now();
  const hashed = hashQueriesSync(queries);
  const { rows, more } = await readPages(db, hashed.map((q) => q.hash), async ({ pages }, getCached) => {
    const hits: Hit[] = [];
    for (const { row, index, page } of pages) {
      const q = hashed[index]!;
      const lists = findInShard(page, q.hash.subarray(0, HASH_BYTES));
      if (lists.length) hits.push({ row, active: row.active!, q, lists });
    }
    await Promise.all(hits.map(async (hit) => void (hit.cached = await prefetchDetails(hit, getCached))));
    return hits;
  });
  const matches: ListMatch[] = [];
  for (const hit of more ?? []) {
    const records = await details(db, hit, deps, now);
    for (const list of hit.lists) {
      matches.push({ kind: hit.q.kind, value: hit.q.value, list, record: records ? pickRecord(records, hit.q, list) : null, feed: hit.row.name });
    }
  }
  return { matches, status: statusOf(rows, now), feeds: rows };
}

/**
 * The cached details leaf of a hit, read in the lookup's transaction (index, then leaf); undefined
 * when the manifest is not in memory (then {@link details} loads it and reads the cache itself).
 */
async function prefetchDetails(hit: Hit, getCached: (key: string) => Promise<CacheRow | undefined>): Promise<Prefetched | undefined> {
  const manifest = peekManifest(hit.active.manifestSha);
  if (!manifest) return undefined;
  const { shardBits, leafBits, shards } = manifest.blacklist;
  const pos = leafPosition(hit.q.hash, shardBits, leafBits);
  const index = (await getCached(fileCacheKey(hit.row.id, shards[pos.group]!.index.sha256)))?.value as LeafIndex | undefined;
  if (!index) return 'not-cached';
  const leaf = index.leaves[pos.offset];
  if (!leaf) return { records: [] };
  const records = (await getCached(fileCacheKey(hit.row.id, leaf.sha256)))?.value as BlacklistRecord[] | undefined;
  return records ? { records } : 'not-cached';
}

/** The details leaf of a hit; null when it cannot be had (offline and not cached). */
async function details(db: ListsDb, hit: Hit, deps: LookupDeps, now: number): Promise<BlacklistRecord[] | null> {
  if (hit.cached && hit.cached !== 'not-cached') return hit.cached.records;
  // Known not to be cached, and no network: nothing more to read.
  if (hit.cached === 'not-cached' && !deps.fetch) return null;
  const transport = deps.fetch ? httpTransport(hit.row.url, { fetch: deps.fetch, timeoutMs: deps.timeoutMs ?? 15_000 }) : null;
  try {
    const { shardBits, leafBits, shards } = (await loadManifest(db, hit.row.id, hit.active.manifestSha)).blacklist;
    const pos = leafPosition(hit.q.hash, shardBits, leafBits);
    const index = await cachedIndex(db, hit.row.id, transport, shards[pos.group]!.index, leafBits, pos.first, now);
    const leaf = index.leaves[pos.offset];
    return leaf ? await cachedFile(db, hit.row.id, transport, leaf, parseBlacklistLeaf, now) : [];
  } catch {
    return null;
  }
}
