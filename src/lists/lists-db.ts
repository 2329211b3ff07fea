import { Dexie, type EntityTable } from 'dexie';
import type { FeedErrorCode } from '../feed/feed-error';
import type { Manifest } from '../feed/format';

/**
 * The list generation in use: a small pointer (read by every lookup), not the manifest. It holds
 * what a lookup needs to find a page: the generation's shard rows are `[feedId, generation, shard]`.
 */
export interface ActiveGeneration {
  generation: number;
  /** Unique per import (generation numbers restart when a feed is removed and added again): keys in-memory caches. */
  uid: string;
  version: number;
  /** SHA-256 of manifest.json; the manifest itself is in the `manifests` table. */
  manifestSha: string;
  shardBits: number;
  counts: { blacklist: number; entities: number };
  switchedAt: number;
}

/** An import under way (the resume checkpoint is the set of shard rows stored under `generation`). */
export interface PendingImport {
  generation: number;
  uid: string;
  version: number;
  manifestSha: string;
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
 * One key shard of one generation: its page index. The shard's sorted 8-byte records are stored in
 * pages of about 4 KB (`pages` table); `firsts` holds the 7-byte hash of each page's first record,
 * so a lookup binary-searches this small row (or its cached copy) and reads one page.
 */
export interface ShardRow {
  feedId: string;
  generation: number;
  shard: number;
  /** SHA-256 of the whole shard, as the signed manifest names it (checked before the pages were stored). */
  sha256: string;
  count: number;
  /** 7 bytes per page: the hash of its first record. Records with one hash never straddle two pages. */
  firsts: Uint8Array;
  /** Keys (second part of `[feedId, key]`) of the pages, in order. Unchanged pages are shared by generations. */
  pages: number[];
}

/** The Bloom filters of a shard's pages (one per page, in page order), for {@link ShardRow}. */
export interface FilterRow {
  feedId: string;
  generation: number;
  shard: number;
  filters: Uint8Array[];
  /** Probes the filters were built with; absent in rows stored before 2026-12 (then 6, at 8 bits per record). */
  probes?: number;
}

/** A feed's signed manifest (parsed), for the generations that name it. */
export interface ManifestRow {
  feedId: string;
  sha256: string;
  manifest: Manifest;
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
  /** Shard page indexes ({@link ShardRow}), keyed `[feedId, generation, shard]`. */
  blobs!: Dexie.Table<ShardRow, [string, number, number]>;
  /** Pages of packed records: value = the bytes, key (outbound) = `[feedId, pageKey]`. */
  pages!: Dexie.Table<Uint8Array, [string, number]>;
  /** Page filters by shard row (kept apart: a lookup's first read of the page indexes stays small). */
  filters!: Dexie.Table<FilterRow, [string, number, number]>;
  manifests!: Dexie.Table<ManifestRow, [string, string]>;
  cache!: EntityTable<CacheRow, 'key'>;
  /** The IDBKeyRange the database runs on (for the lookup's native reads). */
  readonly keyRange: typeof IDBKeyRange;

  constructor(name: string, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    this.keyRange = deps.IDBKeyRange;
    // 2025-06: version 1 stored each shard as one ~156 KB row and the whole manifest in the feed row.
    this.version(1).stores({
      feeds: 'id',
      blobs: '[feedId+sha256], feedId',
      cache: 'key, feedId, fetchedAt',
    });
    // 2025-06: version 2/3 store shards as pages. Old data is dropped and every feed syncs again
    // (a list that is not loaded reads as "not checked", never as clean); subscriptions are kept.
    // Two steps because IndexedDB cannot change a store's primary key in place.
    this.version(2)
      .stores({ blobs: null })
      .upgrade((tx) =>
        tx.table('feeds').toCollection().modify((f: Partial<FeedRow>) => {
          Object.assign(f, { active: null, pending: null, etag: null, failures: 0, nextAttempt: null, syncing: false });
        }),
      );
    this.version(3).stores({
      blobs: '[feedId+generation+shard]',
      filters: '[feedId+generation+shard]',
      pages: '',
      manifests: '[feedId+sha256]',
    });
  }
}

/** Opens (creating if needed) the lists database. */
export function openListsDb(deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, name = 'liangzhao-lists'): ListsDb {
  return new ListsDb(name, deps);
}

/** Key range of every row of one feed in a table keyed by arrays starting with the feed id. */
export function feedRange(feedId: string): [unknown[], unknown[]] {
  return [[feedId, Dexie.minKey], [feedId, Dexie.maxKey]];
}

/** Key range of the shard rows of one generation. */
export function generationRange(feedId: string, generation: number): [[string, number, number], [string, number, unknown]] {
  return [[feedId, generation, Dexie.minKey], [feedId, generation, Dexie.maxKey]];
}
