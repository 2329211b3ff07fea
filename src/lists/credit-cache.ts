import { sha256 } from '../feed/bytes';
import { asFeedError } from '../feed/feed-error';
import { leafPosition } from '../feed/feed-lookup';
import { LIMITS, type EntityRecord, type Manifest } from '../feed/format';
import { httpTransport } from '../feed/http-transport';
import { canonicalKey, keyString } from '../feed/keys';
import type { EntityLookup } from '../feed/lookup-types';
import { parseEntityLeaf } from '../feed/records';
import { getVerified } from '../feed/transport';
import { cachedIndex } from './leaf-cache';
import type { FeedRow, ListsDb } from './lists-db';
import { rememberedCacheRow } from './lookup-memory';
import { loadManifest } from './manifest-store';

export interface CreditDeps {
  fetch?: typeof fetch;
  now?: number;
  timeoutMs?: number;
  /** How long a fetched leaf may stand in when the feed cannot be reached (default 7 days). */
  ttlMs?: number;
}

interface LeafRow {
  sha256: string;
  records: EntityRecord[];
}

/**
 * Registration status and credit level of USCCs seen on pages. Entities are fetched lazily, one
 * hash-prefix leaf at a time (the request names only a prefix shared by hundreds of entities),
 * checked against the signed manifest, and cached. Offline, a cached leaf younger than the TTL
 * answers (marked stale when it could not be revalidated); otherwise the answer is 'unknown'.
 * `rows`: the feed rows when the caller has just read them.
 */
export async function lookupEntities(db: ListsDb, usccs: string[], deps: CreditDeps = {}, rows?: FeedRow[]): Promise<EntityLookup[]> {
  const now = deps.now ?? Date.now();
  const feeds = (rows ?? (await db.feeds.toArray())).filter((f) => f.enabled && f.active && f.active.counts.entities > 0);
  const out: EntityLookup[] = [];
  for (const raw of new Set(usccs)) {
    const uscc = canonicalKey('uscc', raw) ?? raw;
    if (!feeds.length) {
      out.push({ uscc, state: 'unknown', reason: 'no credit data loaded' });
      continue;
    }
    const hash = await sha256(keyString('uscc', uscc));
    const answers = await Promise.all(feeds.map((f) => lookupIn(db, f, uscc, hash, deps, now)));
    out.push(answers.find((a) => a.state === 'found') ?? answers.find((a) => a.state === 'unknown') ?? answers[0]!);
  }
  return out;
}

async function lookupIn(db: ListsDb, feed: FeedRow, uscc: string, hash: Uint8Array, deps: CreditDeps, now: number): Promise<EntityLookup> {
  let entities: Manifest['entities'];
  try {
    entities = (await loadManifest(db, feed.id, feed.active!.manifestSha)).entities;
  } catch (error) {
    return { uscc, state: 'unknown', reason: asFeedError(error).message };
  }
  const { groupBits, leafBits, groups } = entities;
  const pos = leafPosition(hash, groupBits, leafBits);
  const groupRef = groups[pos.group];
  // The signed manifest says no entity has this prefix: an authoritative answer, no request needed.
  if (!groupRef) return { uscc, state: 'not-found', feed: feed.name };
  const posKey = `${feed.id}:e:${pos.first + pos.offset}`;
  const answer = (leaf: LeafRow, stale: boolean): EntityLookup => {
    const record = leaf.records.find((r) => r.uscc === uscc);
    return record ? { uscc, state: 'found', record, feed: feed.name, stale } : { uscc, state: 'not-found', feed: feed.name };
  };
  try {
    const transport = deps.fetch ? httpTransport(feed.url, { fetch: deps.fetch, timeoutMs: deps.timeoutMs ?? 15_000 }) : null;
    const index = await cachedIndex(db, feed.id, transport, groupRef, leafBits, pos.first, now);
    const ref = index.leaves[pos.offset];
    if (!ref) return { uscc, state: 'not-found', feed: feed.name };
    const cached = await rememberedCacheRow(db, posKey);
    if (cached?.sha256 === ref.sha256) return answer(cached.value as LeafRow, false);
    if (!transport) throw new Error('offline and not cached');
    const records = parseEntityLeaf(await getVerified(transport, ref, LIMITS.leafBytes));
    const leaf: LeafRow = { sha256: ref.sha256, records };
    await db.cache.put({ key: posKey, feedId: feed.id, sha256: ref.sha256, fetchedAt: now, value: leaf });
    return answer(leaf, false);
  } catch (error) {
    const cached = await rememberedCacheRow(db, posKey);
    if (cached && now - cached.fetchedAt < (deps.ttlMs ?? 7 * 86_400_000)) return answer(cached.value as LeafRow, true);
    return { uscc, state: 'unknown', reason: asFeedError(error).message };
  }
}
