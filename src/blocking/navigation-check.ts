import { domainsOf } from '../feed/scan-queries';
import type { ListsDb } from '../lists/lists-db';
import { lookupIdentifiers, type LookupDeps } from '../lists/lookup-identifiers';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import { isAllowed, listsKey, type Allowance } from './allowances';
import type { BlockPreferences } from './block-preferences';
import { navigationReasons, type BlockReason } from './block-reasons';
import { keeperActionsOf } from './keeper-actions';
import { siteOf } from './site-key';

/** What the shopper decided that bears on a navigation. */
export interface ShopperChoices {
  prefs: BlockPreferences;
  personal: readonly PersonalEntry[];
  allowances: readonly Allowance[];
}

export interface NavigationAnswer {
  /** The site in canonical form; null for what is not an http(s) page on a domain name. */
  site: string | null;
  /** Why it is blocked; empty when it is not. */
  reasons: BlockReason[];
  /** The shopper continued to it earlier in this session, under the same lists. */
  allowed: boolean;
  /** The lists in use (allowances.ts listsKey). */
  lists: string;
}

/**
 * The block decision for one navigation, on the device: the URL's domain and parent domains looked
 * up in the synced lists (the same hashed lookup as a page's identifiers; nothing is sent anywhere:
 * pass no `fetch` and a hit's details come only from the local cache), the keeper's and the
 * shopper's actions, the shopper's own lists and what they continued to.
 */
export async function checkNavigation(db: ListsDb, url: string, choices: ShopperChoices, deps: LookupDeps = {}): Promise<NavigationAnswer> {
  const site = siteOf(url);
  if (!site) return { site, reasons: [], allowed: false, lists: '' };
  const { matches, feeds, status } = await lookupIdentifiers(
    db,
    domainsOf(url).map((value) => ({ kind: 'domain' as const, value })),
    deps,
  );
  const lists = listsKey(feeds.flatMap((f) => (f.active ? [{ id: f.id, version: f.active.version }] : [])));
  if (isAllowed(site, choices.allowances, lists)) return { site, reasons: [], allowed: true, lists };
  const keeper = matches.length ? await keeperActionsOf(db, feeds) : new Map();
  const stale = new Set(status.feeds.filter((f) => f.stale).map((f) => f.name));
  return { site, reasons: navigationReasons(url, matches, { keeper, prefs: choices.prefs, personal: choices.personal, stale }), allowed: false, lists };
}
