import { fromBase64 } from '../feed/bytes';
import { FeedError, asFeedError } from '../feed/feed-error';
import { LIMITS, type Manifest } from '../feed/format';
import { httpTransport } from '../feed/http-transport';
import { openManifest } from '../feed/manifest';
import { backoffDelay } from './backoff';
import { collectGarbage } from './collect-garbage';
import { importShards, type ImportProgress } from './import-shards';
import { generationRange, type FeedRow, type ListsDb, type PendingImport } from './lists-db';
import { saveManifest } from './manifest-store';

export interface SyncDeps {
  /** The platform's fetch. */
  fetch: typeof fetch;
  now?: () => number;
  /** Per-file time limit (default 60 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?(p: ImportProgress): void;
  /** Ignore the backoff schedule (the user pressed "update now"). */
  force?: boolean;
  concurrency?: number;
  /** Records per stored page (tests use small pages to exercise many). */
  pageRecords?: number;
}

export type SyncOutcome =
  | { outcome: 'updated'; version: number; progress: ImportProgress }
  | { outcome: 'not-modified' | 'same-version'; version: number | null }
  | { outcome: 'backoff'; nextAttempt: number }
  | { outcome: 'failed'; error: FeedError; keptVersion: number | null };

/**
 * Syncs one feed: conditional GET of the manifest (ETag), signature and schema check, version
 * check (older refused, same is a no-op), import of the changed shards under a new generation with
 * a per-shard checkpoint, then a switch in one small transaction. On any failure the active
 * generation stays in use and the status records what happened, with exponential backoff.
 */
export async function syncFeed(db: ListsDb, feedId: string, deps: SyncDeps): Promise<SyncOutcome> {
  const now = deps.now ?? Date.now;
  const row = await db.feeds.get(feedId);
  if (!row) throw new Error(`no feed ${feedId}`);
  if (!deps.force && row.nextAttempt && row.nextAttempt > now()) return { outcome: 'backoff', nextAttempt: row.nextAttempt };
  await db.feeds.update(feedId, { syncing: true, lastAttempt: now() });
  try {
    return await runSync(db, row, deps, now);
  } catch (error) {
    const e = asFeedError(error);
    await db.transaction('rw', db.feeds, async () => {
      const cur = await db.feeds.get(feedId);
      if (!cur) return;
      // Being stopped (a killed worker, a closed browser) is not the server's fault: no backoff.
      const failures = e.code === 'aborted' ? cur.failures : cur.failures + 1;
      await db.feeds.update(feedId, {
        syncing: false,
        lastError: { code: e.code, message: e.message, at: now() },
        failures,
        nextAttempt: e.code === 'aborted' ? cur.nextAttempt : now() + backoffDelay(failures),
      });
    });
    return { outcome: 'failed', error: e, keptVersion: row.active?.version ?? null };
  }
}

async function runSync(db: ListsDb, row: FeedRow, deps: SyncDeps, now: () => number): Promise<SyncOutcome> {
  const transport = httpTransport(row.url, { fetch: deps.fetch, timeoutMs: deps.timeoutMs, signal: deps.signal });
  const publicKey = fromBase64(row.publicKey);
  // With an import pending, ask for the manifest unconditionally: a 304 would not say which one.
  const got = await transport.get('manifest.json', { maxBytes: LIMITS.manifestBytes, etag: row.pending || !row.active ? null : row.etag });
  if (got.status === 'not-modified') {
    await succeed(db, row.id, now, {});
    return { outcome: 'not-modified', version: row.active?.version ?? null };
  }
  const verified = await openManifest(got.bytes, publicKey);
  const { manifest } = verified;
  if (row.active && manifest.version < row.active.version) {
    throw new FeedError('older-version', `the server offers version ${manifest.version}, older than version ${row.active.version} in use (replayed or rolled back)`);
  }
  if (row.active && manifest.version === row.active.version) {
    await succeed(db, row.id, now, { etag: got.etag });
    return { outcome: 'same-version', version: manifest.version };
  }
  let pending: PendingImport;
  await saveManifest(db, row.id, verified.sha256, manifest);
  if (row.pending?.manifestSha === verified.sha256) pending = row.pending;
  else {
    pending = {
      generation: Math.max(row.active?.generation ?? 0, row.pending?.generation ?? 0) + 1,
      uid: crypto.randomUUID(),
      version: manifest.version,
      manifestSha: verified.sha256,
      etag: got.etag,
      started: now(),
      done: 0,
      total: manifest.blacklist.shards.length,
    };
    await db.feeds.update(row.id, { pending });
  }
  const progress = await importShards(db, row.id, transport, manifest, pending.generation, row.active, {
    signal: deps.signal,
    onProgress: deps.onProgress,
    concurrency: deps.concurrency,
    pageRecords: deps.pageRecords,
  });
  await switchGeneration(db, row.id, pending, manifest, now);
  try {
    await collectGarbage(db, row.id, now());
  } catch {
    // The new list is in use; what was not collected now is collected after the next sync.
  }
  // "syncing" lasts until the clean-up is done, so the status shows the whole of the work.
  await db.feeds.update(row.id, { syncing: false });
  return { outcome: 'updated', version: manifest.version, progress };
}

/**
 * The switch: one small transaction that checks every shard of the new generation is stored and
 * then points the feed at it. Lookups read the pointer and the pages in one transaction, so they
 * see the old generation or the new one, never a mix.
 */
async function switchGeneration(db: ListsDb, feedId: string, pending: PendingImport, manifest: Manifest, now: () => number): Promise<void> {
  await db.transaction('rw', db.feeds, db.blobs, db.manifests, async () => {
    const cur = await db.feeds.get(feedId);
    if (cur?.pending?.generation !== pending.generation) throw new FeedError('aborted', 'another sync replaced this import');
    const stored = await db.blobs.where('[feedId+generation+shard]').between(...generationRange(feedId, pending.generation)).count();
    if (stored !== manifest.blacklist.shards.length) throw new FeedError('hash', `${manifest.blacklist.shards.length - stored} shards are missing after import`);
    if (!(await db.manifests.where(':id').equals([feedId, pending.manifestSha]).count())) throw new FeedError('hash', 'the manifest being imported is missing');
    await db.feeds.update(feedId, {
      active: {
        generation: pending.generation,
        uid: pending.uid,
        version: manifest.version,
        manifestSha: pending.manifestSha,
        shardBits: manifest.blacklist.shardBits,
        counts: { blacklist: manifest.blacklist.count, entities: manifest.entities.count },
        switchedAt: now(),
      },
      pending: null,
      name: manifest.name,
      etag: pending.etag,
      lastSuccess: now(),
      lastError: null,
      failures: 0,
      nextAttempt: null,
    });
  });
}

async function succeed(db: ListsDb, feedId: string, now: () => number, extra: Partial<FeedRow>): Promise<void> {
  await db.feeds.update(feedId, { ...extra, syncing: false, lastSuccess: now(), lastError: null, failures: 0, nextAttempt: null });
}

/** Syncs every enabled feed one after another; one feed failing does not stop the others. */
export async function syncAllFeeds(db: ListsDb, deps: SyncDeps): Promise<Record<string, SyncOutcome>> {
  const out: Record<string, SyncOutcome> = {};
  for (const f of await db.feeds.toArray()) if (f.enabled) out[f.id] = await syncFeed(db, f.id, deps);
  return out;
}
