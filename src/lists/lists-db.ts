import { Dexie, type EntityTable } from 'dexie';
import type { FeedErrorCode } from '../feed/feed-error';
import type { Manifest } from '../feed/format';

/** The list generation in use: every shard it names is stored as a blob. */
export interface ActiveGeneration {
  generation: number;
  version: number;
  manifestSha: string;
  manifest: Manifest;
  switchedAt: number;
}

/** An import under way (the resume checkpoint): the manifest being imported and how far it got. */
export interface PendingImport {
  generation: number;
  version: number;
  manifestSha: string;
  /** manifest.json as downloaded, so a resumed import needs no new download to trust it. */
  manifestText: string;
  etag: string | null;
  started: number;
  done: number;
  total: number;
}

/** One subscribed feed and its sync state (all of it in IndexedDB: the service worker may die any time). */
export interface FeedRow {
  id: string;
  /** URL of manifest.json. */
  url: string;
  /** Base64 Ed25519 public key the feed must be signed with. */
  publicKey: string;
  name: string;
  enabled: boolean;
  staleAfterDays: number;
  active: ActiveGeneration | null;
  pending: PendingImport | null;
  etag: string | null;
  lastAttempt: number | null;
  lastSuccess: number | null;
  lastError: { code: FeedErrorCode; message: string; at: number } | null;
  /** Consecutive failures, for exponential backoff. */
  failures: number;
  nextAttempt: number | null;
  syncing: boolean;
}

/**
 * A packed key shard (sorted 8-byte records), stored once per feed under its SHA-256: generations
 * share unchanged shards, and an import resumes by skipping shards already stored.
 */
export interface BlobRow {
  feedId: string;
  sha256: string;
  count: number;
  bytes: Uint8Array;
}

/** Fetched-on-demand data: blacklist leaf indexes and details, entity leaves. */
export interface CacheRow {
  key: string;
  feedId: string;
  /** SHA-256 of the cached file (content-addressed: valid as long as a manifest names it). */
  sha256: string | null;
  fetchedAt: number;
  value: unknown;
}

/** The lists database: Dexie over whatever IndexedDB the caller passes (the browser's, or fake-indexeddb). */
export class ListsDb extends Dexie {
  feeds!: EntityTable<FeedRow, 'id'>;
  blobs!: Dexie.Table<BlobRow, [string, string]>;
  cache!: EntityTable<CacheRow, 'key'>;

  constructor(name: string, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    // 2025-06: version 1. Add a version(2) with an upgrade for any change; never edit this one.
    this.version(1).stores({
      feeds: 'id',
      blobs: '[feedId+sha256], feedId',
      cache: 'key, feedId, fetchedAt',
    });
  }
}

/** Opens (creating if needed) the lists database. */
export function openListsDb(deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, name = 'liangzhao-lists'): ListsDb {
  return new ListsDb(name, deps);
}
