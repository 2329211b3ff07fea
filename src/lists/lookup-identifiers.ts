import { prefixOf } from '../feed/bytes';
import { findInShard, hashQueries, leafPosition, pickRecord, type HashedQuery } from '../feed/feed-lookup';
import { HASH_BYTES, type BlacklistRecord, type ListName } from '../feed/format';
import { httpTransport } from '../feed/http-transport';
import type { IdQuery, ListMatch, ListsStatus } from '../feed/lookup-types';
import { parseBlacklistLeaf } from '../feed/records';
import { cachedFile, cachedIndex } from './leaf-cache';
import type { ActiveGeneration, FeedRow, ListsDb } from './lists-db';
import { statusOf } from './lists-status';

export interface LookupDeps {
  /** To fetch the details of a hit (the hit itself needs no network); omit to stay offline. */
  fetch?: typeof fetch;
  now?: number;
  timeoutMs?: number;
}

export interface LookupResult {
  matches: ListMatch[];
  status: ListsStatus;
}

/** Packed shards by SHA-256. Content-addressed, so a cached shard can never be out of date. */
const shardCache = new Map<string, Uint8Array>();
const SHARD_CACHE_MAX = 64;

type Hit = { row: FeedRow; active: ActiveGeneration; q: HashedQuery; lists: ListName[] };

/**
 * Looks identifiers up in every loaded blacklist. The feed pointers and the shards are read in one
 * read-only transaction, so a lookup sees one complete generation (the old one or the new one),
 * never a list half imported. Details of the (rare) hits are then fetched by hash prefix and cached.
 */
export async function lookupIdentifiers(db: ListsDb, queries: IdQuery[], deps: LookupDeps = {}): Promise<LookupResult> {
  const now = deps.now ?? Date.now();
  const hashed = await hashQueries(queries);
  const hits: Hit[] = [];
  const rows = await db.transaction('r', db.feeds, db.blobs, async () => {
    const rows = await db.feeds.toArray();
    for (const row of rows) {
      const active = row.active;
      if (!row.enabled || !active) continue;
      const { shardBits, shards } = active.manifest.blacklist;
      for (const q of hashed) {
        const sha = shards[prefixOf(q.hash, shardBits)]!.keys.sha256;
        let shard = shardCache.get(sha);
        if (!shard) {
          const blob = await db.blobs.get([row.id, sha]);
          if (!blob) throw new Error(`lists database damaged: shard ${sha} of ${row.name} is missing`);
          shard = blob.bytes;
          if (shardCache.size >= SHARD_CACHE_MAX) shardCache.delete(shardCache.keys().next().value!);
          shardCache.set(sha, shard);
        }
        const lists = findInShard(shard, q.hash.subarray(0, HASH_BYTES));
        if (lists.length) hits.push({ row, active, q, lists });
      }
    }
    return rows;
  });
  const matches: ListMatch[] = [];
  for (const hit of hits) {
    const records = await details(db, hit, deps, now);
    for (const list of hit.lists) {
      matches.push({ kind: hit.q.kind, value: hit.q.value, list, record: records ? pickRecord(records, hit.q, list) : null, feed: hit.row.name });
    }
  }
  return { matches, status: statusOf(rows, now) };
}

/** The details leaf of a hit; null when it cannot be had (offline and not cached). */
async function details(db: ListsDb, hit: Hit, deps: LookupDeps, now: number): Promise<BlacklistRecord[] | null> {
  const { shardBits, leafBits, shards } = hit.active.manifest.blacklist;
  const pos = leafPosition(hit.q.hash, shardBits, leafBits);
  const transport = deps.fetch ? httpTransport(hit.row.url, { fetch: deps.fetch, timeoutMs: deps.timeoutMs ?? 15_000 }) : null;
  try {
    const index = await cachedIndex(db, hit.row.id, transport, shards[pos.group]!.index, leafBits, pos.first, now);
    const leaf = index.leaves[pos.offset];
    return leaf ? await cachedFile(db, hit.row.id, transport, leaf, parseBlacklistLeaf, now) : [];
  } catch {
    return null;
  }
}
