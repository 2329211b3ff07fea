import type { DataLookups } from '../feed/lookup-types';
import type { RegistryEntry, RegistryList } from '../feed/registry-answer';
import { answered, type RegistryLookup } from '../feed/registry-lookup';

/** A current list entry the registry showed for a value of the page. */
export interface RegistryListing {
  lookup: Extract<RegistryLookup, { state: 'answered' }>;
  entry: RegistryEntry;
}

/** The registry's current entries (not removed again) on these lists, for the page's values. */
export function registryListings(lookups: DataLookups, lists: readonly RegistryList[]): RegistryListing[] {
  return answered(lookups.registry).flatMap((lookup) =>
    lookup.answer.entries.filter((entry) => lists.includes(entry.list) && !entry.removedOn).map((entry) => ({ lookup, entry })),
  );
}

/** The registry already named this value on this list: the feed's copy of the entry is not repeated. */
export const namedByRegistry = (listings: readonly RegistryListing[], value: string, list: string): boolean =>
  listings.some((l) => l.lookup.value === value && l.entry.list === list);
