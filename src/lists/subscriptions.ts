import { parsePublicKey } from '../feed/signature';
import { toBase64 } from '../feed/bytes';
import { feedRange, type FeedRow, type ListsDb } from './lists-db';

/** What a user (or the default configuration) subscribes to. */
export interface FeedSubscription {
  /** Stable id; defaults to the URL. */
  id?: string;
  /** URL of the feed's manifest.json (or its directory). */
  url: string;
  /** The publisher's Ed25519 public key (base64 or hex). */
  publicKey: string;
  /** After this many days without a successful check, findings say the list is stale (default 7). */
  staleAfterDays?: number;
  name?: string;
}

/** Normalizes a feed URL to its manifest.json. */
export function manifestUrl(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('a feed URL must be http(s)');
  return /\/manifest\.json$/.test(u.pathname) ? u.href : new URL(u.pathname.replace(/\/?$/, '/manifest.json') + u.search, u).href;
}

/**
 * Adds or updates a subscription. Changing the URL or key of an existing feed keeps its data until
 * the next sync replaces it (which must then pass the new key).
 */
export async function subscribeFeed(db: ListsDb, sub: FeedSubscription): Promise<FeedRow> {
  const url = manifestUrl(sub.url);
  const publicKey = toBase64(parsePublicKey(sub.publicKey));
  const id = sub.id ?? url;
  return db.transaction('rw', db.feeds, async () => {
    const old = await db.feeds.get(id);
    const row: FeedRow = old
      ? { ...old, url, publicKey, staleAfterDays: sub.staleAfterDays ?? old.staleAfterDays, name: sub.name ?? old.name, enabled: true }
      : {
          id, url, publicKey, name: sub.name ?? new URL(url).host, enabled: true, staleAfterDays: sub.staleAfterDays ?? 7,
          active: null, pending: null, etag: null, lastAttempt: null, lastSuccess: null, lastError: null, failures: 0, nextAttempt: null, syncing: false,
        };
    if (old && (old.url !== url || old.publicKey !== publicKey)) {
      row.etag = null; // force a full download verified with the new settings
      row.nextAttempt = null;
    }
    await db.feeds.put(row);
    return row;
  });
}

/** Whether a feed row already is this subscription (same manifest URL and key, enabled). */
export function isSubscribed(row: FeedRow | undefined, sub: FeedSubscription): boolean {
  return !!row && row.enabled && row.url === manifestUrl(sub.url) && row.publicKey === toBase64(parsePublicKey(sub.publicKey));
}

/** Removes a feed and all its stored data. */
export async function unsubscribeFeed(db: ListsDb, id: string): Promise<void> {
  await db.transaction('rw', [db.feeds, db.blobs, db.filters, db.pages, db.manifests, db.cache], async () => {
    await db.feeds.delete(id);
    await db.blobs.where('[feedId+generation+shard]').between(...feedRange(id)).delete();
    await db.filters.where('[feedId+generation+shard]').between(...feedRange(id)).delete();
    await db.pages.where(':id').between(...feedRange(id)).delete();
    await db.manifests.where(':id').between(...feedRange(id)).delete();
    await db.cache.where('feedId').equals(id).delete();
  });
}
