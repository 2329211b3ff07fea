import type { FeedSubscription } from './subscriptions';

/**
 * Feeds an administrator sets up for every user of a managed browser, read from the extension's
 * managed storage (`storage.managed`, key `feeds`): Chrome's enterprise policy for the extension
 * (schema in public/managed-schema.json), Firefox's `3rdparty` policy or a managed-storage manifest.
 * Only software on the machine can write there; no web page and no extension page can.
 *
 * `{ "feeds": [{ "url": "https://…/manifest.json", "publicKey": "<base64>", "name"?: "…", "staleAfterDays"?: 7 }] }`
 */
export interface ManagedConfig {
  feeds: FeedSubscription[];
  /** Entries that were not understood (reported, never silently dropped). */
  problems: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the `feeds` entry of managed storage; anything else there is ignored. */
export function parseManagedFeeds(value: unknown): ManagedConfig {
  const out: ManagedConfig = { feeds: [], problems: [] };
  if (value === undefined || value === null) return out;
  if (!Array.isArray(value)) return { ...out, problems: ['"feeds" is not a list'] };
  value.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry.url !== 'string' || typeof entry.publicKey !== 'string') {
      out.problems.push(`feeds[${i}]: needs "url" and "publicKey" strings`);
      return;
    }
    const sub: FeedSubscription = { url: entry.url, publicKey: entry.publicKey };
    if (typeof entry.name === 'string' && entry.name) sub.name = entry.name;
    if (typeof entry.staleAfterDays === 'number' && entry.staleAfterDays > 0) sub.staleAfterDays = entry.staleAfterDays;
    out.feeds.push(sub);
  });
  return out;
}
