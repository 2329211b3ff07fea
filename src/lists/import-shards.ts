import { sha256Hex } from '../feed/bytes';
import { decodeDelta, shardSlice, type Delta } from '../feed/delta';
import { FeedError } from '../feed/feed-error';
import { fetchKeyShard } from '../feed/feed-lookup';
import { LIMITS, RECORD_BYTES, type DeltaRef, type FileRef, type Manifest } from '../feed/format';
import { checkShard } from '../feed/keys';
import { getVerified, type FeedTransport } from '../feed/transport';
import { generationRange, type ActiveGeneration, type ListsDb, type ShardRow } from './lists-db';
import { applyToPages, type PageSet } from './merge-pages';
import { FILTER_PROBES } from './page-filter';
import { PAGE_RECORDS, boundaryProblem, joinPages, splitPages } from './shard-pages';
import { reuseShards, storeShard } from './store-shard';

export interface ImportProgress {
  done: number;
  total: number;
  /** Shards rebuilt locally from deltas / downloaded whole / already stored (or unchanged). */
  fromDelta: number;
  downloaded: number;
  reused: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?(p: ImportProgress): void;
  /** Shards imported at once (downloads overlap with IndexedDB writes). */
  concurrency?: number;
  /** Records per stored page (default {@link PAGE_RECORDS}); small values let tests exercise many pages. */
  pageRecords?: number;
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
 * Stores every key shard of `manifest` under `generation`. Each shard (its new pages and its page
 * index) is written in its own short transaction, which is the resume checkpoint: a killed import
 * resumes at the shards not stored yet. A shard with the same SHA-256 as in the active generation
 * reuses its pages; a changed one is rebuilt from the active pages plus deltas when possible
 * (only the pages the changes fall into are rewritten) and downloaded whole otherwise. Either way
 * the whole shard must hash to the value the signed manifest names before any page is stored.
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
  const bits = manifest.blacklist.shardBits;
  const pageRecords = options.pageRecords ?? PAGE_RECORDS;
  const progress: ImportProgress = { done: 0, total: shards.length, fromDelta: 0, downloaded: 0, reused: 0 };
  const tick = () => {
    progress.done++;
    options.onProgress?.({ ...progress });
  };
  const stored = new Set((await db.blobs.where('[feedId+generation+shard]').between(...generationRange(feedId, generation)).primaryKeys()).map((k) => k[2]));
  const old = new Map<number, ShardRow>();
  if (active && active.shardBits === bits) {
    for (const r of await db.blobs.where('[feedId+generation+shard]').between(...generationRange(feedId, active.generation)).toArray()) old.set(r.shard, r);
  }
  const todo: number[] = [];
  const same: ShardRow[] = [];
  for (let s = 0; s < shards.length; s++) {
    if (stored.has(s)) progress.reused++;
    else if (old.get(s)?.sha256 === shards[s]!.keys.sha256) same.push(old.get(s)!);
    else todo.push(s);
  }
  for (let i = 0; i < progress.reused; i++) tick();
  for (let i = 0; i < same.length; i += 64) {
    options.signal?.throwIfAborted();
    const batch = same.slice(i, i + 64);
    await reuseShards(db, generation, batch);
    progress.reused += batch.length;
    for (let k = 0; k < batch.length; k++) tick();
  }
  const deltas = todo.length && old.size ? await loadDeltas(transport, manifest, active) : null;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      options.signal?.throwIfAborted();
      const s = todo[next++]!;
      const ref = shards[s]!.keys;
      const prev = old.get(s);
      let set = deltas && prev ? await fromDeltas(db, feedId, prev, deltas, s, bits, ref, pageRecords) : null;
      let kept: Map<number, Uint8Array> | undefined;
      if (set) {
        progress.fromDelta++;
        const f = await db.filters.get([feedId, prev!.generation, s]);
        // Filters of an older kind are built again (all filters of a row have one probe count).
        if (f && f.probes === FILTER_PROBES) kept = new Map(prev!.pages.map((k, i) => [k, f.filters[i]!]));
      } else {
        const pages = splitPages(await fetchKeyShard(transport, manifest, s), pageRecords);
        set = { pages, keys: pages.map(() => null) };
        progress.downloaded++;
      }
      options.signal?.throwIfAborted();
      await storeShard(db, feedId, generation, s, ref, set, kept);
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return progress;
}

/** Deltas from the active version, fetched and checked; null when a full import is needed. */
async function loadDeltas(transport: FeedTransport, manifest: Manifest, active: ActiveGeneration | null): Promise<Delta[] | null> {
  if (!active || active.shardBits !== manifest.blacklist.shardBits) return null;
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

/**
 * The new shard from the stored pages plus the deltas, or null (then it is downloaded) when a page
 * is missing, a rebuilt page is malformed, or the whole shard does not hash to the manifest's value.
 */
async function fromDeltas(db: ListsDb, feedId: string, prev: ShardRow, deltas: Delta[], s: number, bits: number, ref: FileRef, pageRecords: number): Promise<PageSet | null> {
  const pages = await db.pages.bulkGet(prev.pages.map((k) => [feedId, k] as [string, number]));
  if (pages.some((p) => !p)) return null;
  let set: PageSet = { pages: pages as Uint8Array[], keys: prev.pages.slice() };
  for (const d of deltas) set = applyToPages(set, shardSlice(d.removed, s, bits), shardSlice(d.added, s, bits), pageRecords);
  // Unchanged pages were checked when first stored; new ones and the boundaries are checked here.
  if (set.pages.some((p, i) => set.keys[i] === null && checkShard(p, s, bits)) || boundaryProblem(set.pages)) return null;
  const whole = joinPages(set.pages);
  if (whole.length !== ref.bytes || whole.length / RECORD_BYTES !== ref.count || (await sha256Hex(whole)) !== ref.sha256) return null;
  return set;
}
