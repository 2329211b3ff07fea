import { domainsOf } from '../feed/scan-queries';
import type { Lang } from '../i18n/lang';
import type { ListsDb } from '../lists/lists-db';
import { lookupIdentifiers } from '../lists/lookup-identifiers';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import type { BlockPreferences } from './block-preferences';
import { keeperActionsOf } from './keeper-actions';
import { markFor, type TargetMark } from './search-marks';

/**
 * The marks of a batch of search results (their target URLs), in one lookup on the device: every
 * target's domain and parent domains, deduplicated, asked at once. No details are fetched (a mark
 * names the list, not the reason), so nothing leaves the device.
 */
export async function markTargets(db: ListsDb, urls: readonly string[], choices: { prefs: BlockPreferences; personal: readonly PersonalEntry[] }, lang: Lang): Promise<(TargetMark | null)[]> {
  const domains = [...new Set(urls.flatMap((u) => domainsOf(u)))];
  const { matches, feeds } = await lookupIdentifiers(db, domains.map((value) => ({ kind: 'domain' as const, value })));
  const keeper = matches.length ? await keeperActionsOf(db, feeds) : new Map();
  const ctx = { keeper, prefs: choices.prefs, personal: choices.personal };
  return urls.map((u) => markFor(u, matches, ctx, lang));
}
