import type { RegistrySiteId } from './answer';
import type { RegistryLookup } from './registry-lookup';

/**
 * What the panel and popup show of the user's registry answers for a page's values: who said what,
 * when (the age is shown), and where. Plain JSON, carried in the tab's ScanResult.
 */
export interface OfficialCheck {
  kind: RegistryLookup['kind'];
  value: string;
  site: RegistrySiteId;
  state: 'answered' | 'unreadable';
  at: number;
  url: string;
  words: string;
  notFound: boolean;
  /**
   * The page's identifiers it answers for, as `kind:value` exactly as the page's identifiers have them,
   * so the panel matches them without canonicalizing (and without loading the normalizer's tables).
   */
  shown: string[];
}
