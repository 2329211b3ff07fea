import { prefixOf, sha256 } from './bytes';
import { FeedError } from './feed-error';
import { LIMITS, type BlacklistRecord, type EntityRecord, type FileRef, type KeyType, type LeafIndex, type ListName, type Manifest } from './format';
import { canonicalKey, checkShard, findInShard, keyString } from './keys';
import type { IdQuery } from './lookup-types';
import { parseLeafIndex } from './manifest';
import { parseBlacklistLeaf, parseEntityLeaf } from './records';
import { getVerified, type FeedTransport } from './transport';

/** A query with its canonical value and key hash. */
export interface HashedQuery {
  kind: KeyType;
  value: string;
  hash: Uint8Array;
}

/** Canonicalizes and hashes queries; drops ones with no usable value, and duplicates. */
export async function hashQueries(queries: IdQuery[]): Promise<HashedQuery[]> {
  const seen = new Set<string>();
  const out: HashedQuery[] = [];
  for (const q of queries) {
    const value = canonicalKey(q.kind, q.value);
    if (value === null) continue;
    const key = keyString(q.kind, value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: q.kind, value, hash: await sha256(key) });
  }
  return out;
}

/** Which leaf (and so which leaf index and file) holds a hash. */
export function leafPosition(hash: Uint8Array, groupBits: number, leafBits: number): { group: number; first: number; offset: number } {
  const group = prefixOf(hash, groupBits);
  const first = group << (leafBits - groupBits);
  return { group, first, offset: prefixOf(hash, leafBits) - first };
}

/** Loads and checks a leaf index vouched for by the manifest. */
export async function loadLeafIndex(transport: FeedTransport, ref: FileRef, leafBits: number, first: number): Promise<LeafIndex> {
  return parseLeafIndex(await getVerified(transport, ref, LIMITS.leafBytes), leafBits, first);
}

/** The published details of a hit; null when the leaf does not carry it. */
export function pickRecord(records: BlacklistRecord[], q: { kind: KeyType; value: string }, list: ListName): BlacklistRecord | null {
  return records.find((r) => r.idType === q.kind && r.id === q.value && r.list === list) ?? null;
}

/** Fetches one blacklist details leaf for a hash (two small verified files: index, then leaf). */
export async function fetchBlacklistLeaf(transport: FeedTransport, manifest: Manifest, hash: Uint8Array): Promise<BlacklistRecord[]> {
  const { shardBits, leafBits, shards } = manifest.blacklist;
  const pos = leafPosition(hash, shardBits, leafBits);
  const index = await loadLeafIndex(transport, shards[pos.group]!.index, leafBits, pos.first);
  const leaf = index.leaves[pos.offset];
  return leaf ? parseBlacklistLeaf(await getVerified(transport, leaf, LIMITS.leafBytes)) : [];
}

/**
 * Fetches the entity leaf that would hold a USCC: the request names only the hash prefix, shared
 * by every entity in that leaf. Returns the leaf's SHA-256 (for caching) and its records.
 */
export async function fetchEntityLeaf(
  transport: FeedTransport,
  manifest: Manifest,
  hash: Uint8Array,
): Promise<{ sha256: string | null; records: EntityRecord[] }> {
  const { groupBits, leafBits, groups } = manifest.entities;
  const pos = leafPosition(hash, groupBits, leafBits);
  const groupRef = groups[pos.group];
  if (!groupRef) return { sha256: null, records: [] };
  const index = await loadLeafIndex(transport, groupRef, leafBits, pos.first);
  const leaf = index.leaves[pos.offset];
  if (!leaf) return { sha256: null, records: [] };
  return { sha256: leaf.sha256, records: parseEntityLeaf(await getVerified(transport, leaf, LIMITS.leafBytes)) };
}

/** Fetches and checks one packed key shard. */
export async function fetchKeyShard(transport: FeedTransport, manifest: Manifest, shard: number): Promise<Uint8Array> {
  const ref = manifest.blacklist.shards[shard]!.keys;
  const bytes = await getVerified(transport, ref, LIMITS.shardBytes);
  const problem = checkShard(bytes, shard, manifest.blacklist.shardBits);
  if (problem) throw new FeedError('record', `${ref.file}: ${problem}`);
  if (bytes.length / 8 !== ref.count) throw new FeedError('record', `${ref.file}: holds ${bytes.length / 8} records, the manifest says ${ref.count}`);
  return bytes;
}

export { findInShard };
