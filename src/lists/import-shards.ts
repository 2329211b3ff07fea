import { sha256Hex } from '../feed/bytes';
import { applyDelta, decodeDelta, shardSlice, type Delta } from '../feed/delta';
import { FeedError } from '../feed/feed-error';
import { fetchKeyShard } from '../feed/feed-lookup';
import { LIMITS, type DeltaRef, type Manifest } from '../feed/format';
import { checkShard } from '../feed/keys';
import { getVerified, type FeedTransport } from '../feed/transport';
import type { ActiveGeneration, ListsDb } from './lists-db';

export interface ImportProgress {
  done: number;
  total: number;
  /** Shards rebuilt locally from deltas / downloaded whole / already stored. */
  fromDelta: number;
  downloaded: number;
  reused: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?(p: ImportProgress): void;
  /** Shards imported at once (downloads overlap with IndexedDB writes). */
  concurrency?: number;
}

/** The chain of deltas leading from `from` to the manifest's version, or null when there is none. */
export function deltaChain(manifest: Manifest, from: number): DeltaRef[] | null {
  const chain: DeltaRef[] = [];
  let at = from;
  while (at < manifest.version) {
    const next = manifest.blacklist.deltas.find((d) => d.from === at);
    if (!next) return null;
    chain.push(next);
    at = next.to;
  }
  return at === manifest.version ? chain : null;
}

/**
 * Stores every key shard of `manifest` as a blob. Each shard is written in its own short
 * transaction together with the checkpoint, so a killed import resumes at the next shard. A shard
 * already stored (same SHA-256) is skipped; a changed one is rebuilt from the active generation
 * plus deltas when possible, and downloaded whole otherwise. A rebuilt shard must hash to the value
 * the signed manifest names, or it is downloaded instead.
 */
export async function importShards(
  db: ListsDb,
  feedId: string,
  transport: FeedTransport,
  manifest: Manifest,
  generation: number,
  active: ActiveGeneration | null,
  options: ImportOptions,
): Promise<ImportProgress> {
  const shards = manifest.blacklist.shards;
  const progress: ImportProgress = { done: 0, total: shards.length, fromDelta: 0, downloaded: 0, reused: 0 };
  const deltas = await loadDeltas(transport, manifest, active);
  let next = 0;
  const worker = async () => {
    while (next < shards.length) {
      options.signal?.throwIfAborted();
      const s = next++;
      const ref = shards[s]!.keys;
      const have = await db.blobs.where('[feedId+sha256]').equals([feedId, ref.sha256]).count();
      if (have) {
        progress.reused++;
      } else {
        let bytes: Uint8Array | null = deltas && active ? await rebuild(db, feedId, active, deltas, s, manifest) : null;
        if (bytes && (bytes.length !== ref.bytes || (await sha256Hex(bytes)) !== ref.sha256)) bytes = null;
        if (bytes) progress.fromDelta++;
        else {
          bytes = await fetchKeyShard(transport, manifest, s);
          progress.downloaded++;
        }
        options.signal?.throwIfAborted();
        await db.transaction('rw', db.blobs, db.feeds, async () => {
          await db.blobs.put({ feedId, sha256: ref.sha256, count: ref.count, bytes: bytes! });
          const row = await db.feeds.get(feedId);
          if (row?.pending?.generation === generation) await db.feeds.update(feedId, { pending: { ...row.pending, done: Math.max(row.pending.done, progress.done + 1) } });
        });
      }
      progress.done++;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return progress;
}

/** Deltas from the active version, fetched and checked; null when a full import is needed. */
async function loadDeltas(transport: FeedTransport, manifest: Manifest, active: ActiveGeneration | null): Promise<Delta[] | null> {
  if (!active || active.manifest.blacklist.shardBits !== manifest.blacklist.shardBits) return null;
  const chain = deltaChain(manifest, active.version);
  if (!chain?.length) return null;
  try {
    const out: Delta[] = [];
    for (const ref of chain) out.push(decodeDelta(await getVerified(transport, ref, LIMITS.deltaBytes)));
    return out;
  } catch (error) {
    // A bad delta costs bandwidth, not correctness: fall back to whole shards.
    if (error instanceof FeedError && (error.code === 'aborted' || error.code === 'timeout' || error.code === 'network')) throw error;
    return null;
  }
}

async function rebuild(db: ListsDb, feedId: string, active: ActiveGeneration, deltas: Delta[], s: number, manifest: Manifest): Promise<Uint8Array | null> {
  const oldRef = active.manifest.blacklist.shards[s]?.keys;
  if (!oldRef) return null;
  const old = await db.blobs.get([feedId, oldRef.sha256]);
  if (!old) return null;
  const bits = manifest.blacklist.shardBits;
  let bytes = old.bytes;
  for (const d of deltas) bytes = applyDelta(bytes, shardSlice(d.removed, s, bits), shardSlice(d.added, s, bits));
  return checkShard(bytes, s, bits) ? null : bytes;
}
