/**
 * The feed format (see docs/feed-format.md): one signed manifest naming content-addressed files.
 * Shared by the publisher (node CLI), the CLI's `scan --feed` (lookupInFeed) and the browser sync engine.
 */

/** Format number inside the signed payload; a client refuses formats it does not know. */
export const FEED_FORMAT = 1;

/** Identifier types a blacklist record can be keyed by. */
export { KEY_TYPES, type KeyType } from '../types';
import type { KeyType } from '../types';

/**
 * Lists, with the one-byte code packed next to each truncated hash. Codes are part of the format:
 * append, never renumber.
 */
export const LIST_CODES = {
  'serious-dishonest': 1,
  'abnormal-operation': 2,
  'court-dishonest': 3,
  'fraud-domain': 4,
  community: 5,
} as const;
export type ListName = keyof typeof LIST_CODES;
export const LIST_NAMES = Object.keys(LIST_CODES) as ListName[];
export const listByCode = (code: number): ListName | undefined => LIST_NAMES.find((n) => LIST_CODES[n] === code);

/** 存续 (active), 吊销 (license revoked), 注销 (deregistered). */
export const ENTITY_STATUSES = ['存续', '吊销', '注销'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];

/** One blacklist record, as published in a details leaf. */
export interface BlacklistRecord {
  id: string;
  idType: KeyType;
  list: ListName;
  name: string;
  reason: string;
  authority: string;
  listedOn: string;
  sourceUrl: string;
}

/** One entity of the credit cache. */
export interface EntityRecord {
  uscc: string;
  name: string;
  status: EntityStatus;
  /** Null when the authority published no level. */
  creditLevel: CreditLevel | null;
  redlists: string[];
  updatedOn: string;
}

/** A file the manifest vouches for: path relative to the manifest, SHA-256 (hex), size, records. */
export interface FileRef {
  file: string;
  sha256: string;
  bytes: number;
  count: number;
}

/**
 * A hash-prefix shard of the blacklist: the packed keys (synced into the browser) and an index of
 * detail leaves (fetched only on a hit).
 */
export interface BlacklistShard {
  keys: FileRef;
  index: FileRef;
}

/** A delta: the key records removed and added between two versions. */
export interface DeltaRef extends FileRef {
  from: number;
  to: number;
}

/**
 * What a list keeper wants done with a list's entries (docs/feed-format.md, "List metadata"):
 * `block` stops a listed site before it renders and covers a listed shop's page, `mark` marks it
 * in search results and listings, `inform` only shows it in the panel on the page itself.
 */
export const LIST_ACTIONS = ['block', 'mark', 'inform'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];

/** One list's metadata in the manifest. */
export interface ListMeta {
  action: ListAction;
  /**
   * The list's `domain` records in full (a details leaf of them all, sorted by id), for lists small
   * enough to be handed to the browser's own request blocking; absent for larger lists.
   */
  domains?: FileRef;
  /**
   * How many `domain` records the list holds (0 for none; past the builder's file limit, its domain
   * rows, a domain given twice counted twice). Written by builders since the guard
   * became optional: a client whose lists' domains are all in its browser's rules (`domains` files,
   * or no domains at all) needs no lookup at document_start. Absent in older feeds: a list without a
   * `domains` file may then hold any number of domains.
   */
  domainCount?: number;
}

/** The signed payload of manifest.json. */
export interface Manifest {
  format: typeof FEED_FORMAT;
  /** Publisher's name for the feed, shown in the options page. */
  name: string;
  /** Only ever goes up; a client refuses a lower one. */
  version: number;
  created: string;
  blacklist: {
    /** Shard i holds keys whose SHA-256 starts with the `shardBits`-bit number i. */
    shardBits: number;
    /** Leaves split each shard further, for the rare fetch of record details. */
    leafBits: number;
    count: number;
    shards: BlacklistShard[];
    deltas: DeltaRef[];
  };
  /** Per-list metadata; absent in feeds built before it existed (then DEFAULT_LIST_ACTIONS apply). */
  lists?: Partial<Record<ListName, ListMeta>>;
  entities: {
    /** Group i (top `groupBits` bits) has an index of leaves (top `leafBits` bits). */
    groupBits: number;
    leafBits: number;
    count: number;
    groups: (FileRef | null)[];
  };
}

/** The index of the leaves under one shard or group: leaf number → file (null when empty). */
export interface LeafIndex {
  leafBits: number;
  first: number;
  leaves: (FileRef | null)[];
}

/** manifest.json on the wire: the exact payload text and its Ed25519 signature over its UTF-8. */
export interface SignedEnvelope {
  payload: string;
  signature: string;
  /** Base64 of the signer's public key, informational only: clients verify with their own copy. */
  publicKey: string;
}

/** Bytes of one packed key record: 7 bytes of SHA-256("type:value") and the list code. */
export const RECORD_BYTES = 8;
export const HASH_BYTES = 7;

/** Size limits a client enforces before parsing anything. */
export const LIMITS = {
  manifestBytes: 16 * 1024 * 1024,
  shardBytes: 64 * 1024 * 1024,
  leafBytes: 8 * 1024 * 1024,
  deltaBytes: 64 * 1024 * 1024,
  /** A list's domain records (ListMeta.domains): ~150 bytes each, so about 400,000 records. */
  domainsBytes: 64 * 1024 * 1024,
};
