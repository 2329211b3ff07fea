import type { RegistryLookup } from './registry-lookup';
import type { BlacklistRecord, EntityRecord, KeyType, ListName } from './format';

/** An identifier to look up: its feed key type and value as the page showed it. */
export interface IdQuery {
  kind: KeyType;
  value: string;
}

/** A blacklist hit. */
export interface ListMatch {
  kind: KeyType;
  /** Canonical value that matched. */
  value: string;
  list: ListName;
  /** The published record; null when its details could not be fetched (the hit itself is certain). */
  record: BlacklistRecord | null;
  /** Name of the feed that lists it. */
  feed: string;
}

/** What the credit cache knows about one USCC. 'unknown' is never the same as clean. */
export type EntityLookup =
  | { uscc: string; state: 'found'; record: EntityRecord; feed: string; /** served from cache past its TTL */ stale: boolean }
  | { uscc: string; state: 'not-found'; feed: string }
  | { uscc: string; state: 'unknown'; reason: string };

/** Per-feed state the panel shows next to data findings. */
export interface FeedHealth {
  name: string;
  url: string;
  version: number | null;
  lastSuccess: number | null;
  stale: boolean;
  error: string | null;
}

/**
 * Whether data findings can be trusted: 'none' = no list loaded (nothing was checked), 'stale' =
 * a list is older than its stale-after days, 'error' = the last sync failed but an older list is
 * in use, 'ok' otherwise.
 */
export interface ListsStatus {
  state: 'ok' | 'none' | 'stale' | 'error';
  feeds: FeedHealth[];
}

/** Everything data rules need besides the scan. */
export interface DataLookups {
  matches: ListMatch[];
  entities: EntityLookup[];
  status: ListsStatus;
  /**
   * What the official registries told the user about the page's values (their own lookups, kept on
   * the device); absent where nobody asked (the CLI).
   */
  registry?: RegistryLookup[];
}
