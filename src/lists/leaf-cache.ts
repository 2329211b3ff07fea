import { loadLeafIndex } from '../feed/feed-lookup';
import { LIMITS, type FileRef, type LeafIndex } from '../feed/format';
import { getVerified, type FeedTransport } from '../feed/transport';
import type { ListsDb } from './lists-db';
import { rememberedCacheRow } from './lookup-memory';

/** The cache row key of a fetched file: content-addressed by its SHA-256. */
export const fileCacheKey = (feedId: string, sha256: string): string => `${feedId}:f:${sha256}`;

/**
 * A file of the feed fetched on demand and kept under its SHA-256: the signed manifest names the
 * hash, so a cached copy is exactly as trustworthy as a fresh one and never needs revalidating.
 */
export async function cachedFile<T>(
  db: ListsDb,
  feedId: string,
  transport: FeedTransport | null,
  ref: FileRef,
  parse: (bytes: Uint8Array) => T,
  now: number,
  maxBytes: number = LIMITS.leafBytes,
): Promise<T> {
  const key = fileCacheKey(feedId, ref.sha256);
  const hit = await rememberedCacheRow(db, key);
  if (hit) return hit.value as T;
  if (!transport) throw new Error('offline: not in the local cache');
  const value = parse(await getVerified(transport, ref, maxBytes));
  await db.cache.put({ key, feedId, sha256: ref.sha256, fetchedAt: now, value });
  return value;
}

/** A leaf index (of a blacklist shard or an entity group), cached by content. */
export async function cachedIndex(
  db: ListsDb,
  feedId: string,
  transport: FeedTransport | null,
  ref: FileRef,
  leafBits: number,
  first: number,
  now: number,
): Promise<LeafIndex> {
  const key = fileCacheKey(feedId, ref.sha256);
  const hit = await rememberedCacheRow(db, key);
  if (hit) return hit.value as LeafIndex;
  if (!transport) throw new Error('offline: not in the local cache');
  const index = await loadLeafIndex(transport, ref, leafBits, first);
  await db.cache.put({ key, feedId, sha256: ref.sha256, fetchedAt: now, value: index });
  return index;
}
