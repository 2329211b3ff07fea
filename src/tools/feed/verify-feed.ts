import { prefixOf, sha256 } from '../../feed/bytes';
import { decodeDelta } from '../../feed/delta';
import { asFeedError } from '../../feed/feed-error';
import { fetchKeyShard, loadLeafIndex } from '../../feed/feed-lookup';
import { HASH_BYTES, LIMITS, LIST_CODES, LIST_NAMES, type Manifest } from '../../feed/format';
import { parseDomainRecords } from '../../blocking/domain-sources';
import { findInShard, keyString } from '../../feed/keys';
import { openManifest } from '../../feed/manifest';
import { parseBlacklistLeaf, parseEntityLeaf } from '../../feed/records';
import { getVerified, type FeedTransport } from '../../feed/transport';

export interface VerifyReport {
  manifest: Manifest | null;
  files: number;
  problems: string[];
}

/**
 * Checks a whole feed the way a client would, and more: the signature, every file's size and
 * SHA-256, every record's schema, and that every detail record sits in the right leaf and has its
 * key in the synced shard. Reads one shard at a time.
 */
export async function verifyFeed(transport: FeedTransport, publicKey: Uint8Array): Promise<VerifyReport> {
  const problems: string[] = [];
  let files = 1;
  let manifest: Manifest;
  try {
    const got = await transport.get('manifest.json', { maxBytes: LIMITS.manifestBytes });
    if (got.status !== 'ok') throw new Error('manifest.json: unexpected 304');
    manifest = (await openManifest(got.bytes, publicKey)).manifest;
  } catch (error) {
    return { manifest: null, files, problems: [`manifest.json: ${asFeedError(error).message}`] };
  }
  const { shardBits, leafBits, shards, deltas } = manifest.blacklist;
  for (let s = 0; s < shards.length; s++) {
    try {
      const keys = await fetchKeyShard(transport, manifest, s);
      const index = await loadLeafIndex(transport, shards[s]!.index, leafBits, s << (leafBits - shardBits));
      files += 2;
      for (const [i, leaf] of index.leaves.entries()) {
        if (!leaf) continue;
        files++;
        for (const r of parseBlacklistLeaf(await getVerified(transport, leaf, LIMITS.leafBytes))) {
          const hash = await sha256(keyString(r.idType, r.id));
          if (prefixOf(hash, leafBits) !== index.first + i) problems.push(`${leaf.file}: ${r.idType} ${r.id} is in the wrong leaf`);
          else if (!findInShard(keys, hash.subarray(0, HASH_BYTES)).includes(r.list)) problems.push(`${leaf.file}: ${r.idType} ${r.id} (${r.list}) has no key in ${shards[s]!.keys.file}`);
        }
      }
    } catch (error) {
      problems.push(`blacklist shard ${s}: ${asFeedError(error).message}`);
    }
  }
  for (const d of deltas) {
    try {
      files++;
      const delta = decodeDelta(await getVerified(transport, d, LIMITS.deltaBytes));
      for (const part of [delta.removed, delta.added]) {
        for (let o = 0; o < part.length; o += 8) if (!Object.values(LIST_CODES).includes(part[o + HASH_BYTES] as 1)) throw new Error('unknown list code');
      }
    } catch (error) {
      problems.push(`delta ${d.from}→${d.to}: ${asFeedError(error).message}`);
    }
  }
  // A list's domain file (what clients hand to the browser's request blocking) holds only that
  // list's domains, each with its key in the synced shards.
  for (const list of LIST_NAMES) {
    const ref = manifest.lists?.[list]?.domains;
    if (!ref) continue;
    try {
      files++;
      const records = parseDomainRecords(list)(await getVerified(transport, ref, LIMITS.domainsBytes));
      if (records.length !== ref.count) problems.push(`${ref.file}: ${records.length} records, the manifest says ${ref.count}`);
      const shardKeys = new Map<number, Promise<Uint8Array>>();
      for (const r of records) {
        const hash = await sha256(keyString(r.idType, r.id));
        const s = prefixOf(hash, shardBits);
        if (!shardKeys.has(s)) shardKeys.set(s, fetchKeyShard(transport, manifest, s));
        const keys = await shardKeys.get(s)!;
        if (!findInShard(keys, hash.subarray(0, HASH_BYTES)).includes(r.list)) problems.push(`${ref.file}: domain ${r.id} (${r.list}) has no key in the shards`);
      }
    } catch (error) {
      problems.push(`lists.${list}.domains: ${asFeedError(error).message}`);
    }
  }
  const e = manifest.entities;
  for (const [g, ref] of e.groups.entries()) {
    if (!ref) continue;
    try {
      const index = await loadLeafIndex(transport, ref, e.leafBits, g << (e.leafBits - e.groupBits));
      files++;
      for (const [i, leaf] of index.leaves.entries()) {
        if (!leaf) continue;
        files++;
        for (const r of parseEntityLeaf(await getVerified(transport, leaf, LIMITS.leafBytes))) {
          if (prefixOf(await sha256(keyString('uscc', r.uscc)), e.leafBits) !== index.first + i) problems.push(`${leaf.file}: ${r.uscc} is in the wrong leaf`);
        }
      }
    } catch (error) {
      problems.push(`entity group ${g}: ${asFeedError(error).message}`);
    }
  }
  return { manifest, files, problems };
}
