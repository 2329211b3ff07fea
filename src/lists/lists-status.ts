import type { FeedHealth, ListsStatus } from '../feed/lookup-types';
import type { FeedRow, ListsDb } from './lists-db';

/** Health of one feed: stale when the last successful check is older than its stale-after days. */
export function feedHealth(row: FeedRow, now: number): FeedHealth {
  const stale = !row.lastSuccess || now - row.lastSuccess > row.staleAfterDays * 86_400_000;
  const failedLast = row.lastError && (!row.lastSuccess || row.lastError.at >= row.lastSuccess);
  return {
    name: row.name,
    url: row.url,
    version: row.active?.version ?? null,
    lastSuccess: row.active ? row.lastSuccess : null,
    stale: row.active !== null && stale,
    error: failedLast ? row.lastError!.message : null,
  };
}

/** Whether data findings can be trusted, over all enabled feeds. */
export function statusOf(rows: FeedRow[], now: number): ListsStatus {
  const enabled = rows.filter((r) => r.enabled);
  const feeds = enabled.map((r) => feedHealth(r, now));
  const loaded = enabled.filter((r) => r.active);
  let state: ListsStatus['state'] = 'ok';
  if (!loaded.length) state = 'none';
  else if (feeds.some((f) => f.stale)) state = 'stale';
  else if (feeds.some((f) => f.error)) state = 'error';
  return { state, feeds };
}

export async function getListsStatus(db: ListsDb, now = Date.now()): Promise<ListsStatus> {
  return statusOf(await db.feeds.toArray(), now);
}

/** What the options page shows for each subscription. */
export interface FeedSyncStatus {
  id: string;
  url: string;
  publicKey: string;
  name: string;
  enabled: boolean;
  staleAfterDays: number;
  status: 'never' | 'syncing' | 'ok' | 'stale' | 'error';
  version: number | null;
  lastSuccess: number | null;
  lastAttempt: number | null;
  error: { code: string; message: string; at: number } | null;
  nextAttempt: number | null;
  counts: { blacklist: number; entities: number };
  /** Shards imported of the pending version, when an import is under way or was interrupted. */
  progress: { version: number; done: number; total: number } | null;
}

/** Sync status of every subscription (for getSyncStatus). */
export async function getSyncStatus(db: ListsDb, now = Date.now()): Promise<FeedSyncStatus[]> {
  return (await db.feeds.toArray()).map((r) => {
    const h = feedHealth(r, now);
    // A worker killed mid-sync leaves syncing set; after 10 minutes it is not believed.
    const syncing = r.syncing && r.lastAttempt !== null && now - r.lastAttempt < 600_000;
    const status = syncing ? 'syncing' : h.error ? 'error' : !r.active ? 'never' : h.stale ? 'stale' : 'ok';
    return {
      id: r.id, url: r.url, publicKey: r.publicKey, name: r.name, enabled: r.enabled, staleAfterDays: r.staleAfterDays,
      status, version: h.version, lastSuccess: r.lastSuccess, lastAttempt: r.lastAttempt, error: h.error ? r.lastError : null,
      nextAttempt: r.nextAttempt,
      counts: { blacklist: r.active?.counts.blacklist ?? 0, entities: r.active?.counts.entities ?? 0 },
      progress: r.pending ? { version: r.pending.version, done: r.pending.done, total: r.pending.total } : null,
    };
  });
}
