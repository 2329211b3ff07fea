import { prefixOf, sha256 } from '../../feed/bytes';
import { FeedError, asFeedError } from '../../feed/feed-error';
import { fetchBlacklistLeaf, fetchEntityLeaf, fetchKeyShard, findInShard, hashQueries, pickRecord } from '../../feed/feed-lookup';
import { HASH_BYTES, LIMITS, type Manifest } from '../../feed/format';
import { httpTransport } from '../../feed/http-transport';
import { keyString } from '../../feed/keys';
import type { DataLookups, EntityLookup, ListMatch, ListsStatus } from '../../feed/lookup-types';
import { openManifest } from '../../feed/manifest';
import { blacklistQueries, entityQueries, type QueriedPage } from '../../feed/scan-queries';
import { parsePublicKey } from '../../feed/signature';
import type { FeedTransport } from '../../feed/transport';

/** A feed directory, an http(s) URL of a feed (its directory or its manifest.json), or a transport. */
export type FeedSource = string | FeedTransport;

export interface ApplyFeedOptions {
  /** The publisher's Ed25519 public key (base64 or hex): the feed is refused unless it signed it. */
  publicKey: string | Uint8Array;
  /** For URLs; node's global fetch by default. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** A feed older than this many days is applied but reported stale (default 14). */
  staleAfterDays?: number;
  now?: number;
}

/** Turns a source into a transport; directories need node (loaded lazily so browsers never see it). */
export async function openSource(source: FeedSource, options: { fetch?: typeof fetch; timeoutMs?: number }): Promise<FeedTransport> {
  if (typeof source !== 'string') return source;
  if (/^https?:\/\//i.test(source)) {
    const url = /\/manifest\.json$/.test(source) ? source : source.replace(/\/?$/, '/manifest.json');
    return httpTransport(url, { fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs });
  }
  const { dirTransport } = await import('./dir-transport');
  return dirTransport(source.replace(/\/manifest\.json$/, ''));
}

/** Loads and verifies a feed's manifest. Throws FeedError when it is missing, tampered or malformed. */
export async function loadManifest(transport: FeedTransport, publicKey: Uint8Array): Promise<Manifest> {
  const got = await transport.get('manifest.json', { maxBytes: LIMITS.manifestBytes });
  if (got.status !== 'ok') throw new FeedError('http', 'manifest.json: unexpected 304');
  return (await openManifest(got.bytes, publicKey)).manifest;
}

/**
 * What a signed feed says about a page, straight from the feed (no database: the CLI's `scan
 * --feed`): the page's identifiers and domain looked up in the blacklist and its USCCs in the entity
 * data, fetching only the shards and leaves needed. A feed that cannot be loaded or verified is an
 * error (the caller asked for it); an entity leaf that cannot be read makes that lookup 'unknown'.
 */
export async function lookupInFeed(result: QueriedPage, source: FeedSource, opts: ApplyFeedOptions): Promise<DataLookups> {
  const publicKey = typeof opts.publicKey === 'string' ? parsePublicKey(opts.publicKey) : opts.publicKey;
  const transport = await openSource(source, opts);
  const manifest = await loadManifest(transport, publicKey);
  const now = opts.now ?? Date.now();

  const matches: ListMatch[] = [];
  const shards = new Map<number, Uint8Array>();
  for (const q of await hashQueries(blacklistQueries(result))) {
    const s = prefixOf(q.hash, manifest.blacklist.shardBits);
    if (!shards.has(s)) shards.set(s, await fetchKeyShard(transport, manifest, s));
    const lists = findInShard(shards.get(s)!, q.hash.subarray(0, HASH_BYTES));
    if (!lists.length) continue;
    let records: Awaited<ReturnType<typeof fetchBlacklistLeaf>> | null = null;
    try {
      records = await fetchBlacklistLeaf(transport, manifest, q.hash);
    } catch {
      records = null; // the hit stands; only its details are missing
    }
    for (const list of lists) matches.push({ kind: q.kind, value: q.value, list, record: records ? pickRecord(records, q, list) : null, feed: manifest.name });
  }

  const entities: EntityLookup[] = [];
  for (const uscc of entityQueries(result)) {
    try {
      const leaf = await fetchEntityLeaf(transport, manifest, await sha256(keyString('uscc', uscc)));
      const record = leaf.records.find((r) => r.uscc === uscc);
      entities.push(record ? { uscc, state: 'found', record, feed: manifest.name, stale: false } : { uscc, state: 'not-found', feed: manifest.name });
    } catch (error) {
      entities.push({ uscc, state: 'unknown', reason: asFeedError(error).message });
    }
  }

  const staleMs = (opts.staleAfterDays ?? 14) * 86_400_000;
  const stale = now - Date.parse(manifest.created) > staleMs;
  const status: ListsStatus = {
    state: stale ? 'stale' : 'ok',
    feeds: [{ name: manifest.name, url: transport.location, version: manifest.version, lastSuccess: Date.parse(manifest.created), stale, error: null }],
  };
  return { matches, entities, status };
}
