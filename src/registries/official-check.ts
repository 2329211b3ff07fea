import { canonicalKey } from '../feed/keys';
import { KIND_TO_KEY } from '../feed/scan-queries';
import type { Identifier } from '../types';
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

export function officialChecks(lookups: readonly RegistryLookup[], identifiers: readonly Pick<Identifier, 'kind' | 'value'>[] = []): OfficialCheck[] {
  return lookups.map((l) => {
    const shown = identifiers.filter((i) => KIND_TO_KEY[i.kind] === l.kind && canonicalKey(l.kind, i.value) === l.value).map((i) => `${i.kind}:${i.value}`);
    return l.state === 'answered'
      ? { kind: l.kind, value: l.value, site: l.answer.site, state: 'answered', at: l.at, url: l.answer.url, words: l.answer.words, notFound: l.answer.notFound, shown }
      : { kind: l.kind, value: l.value, site: l.site, state: 'unreadable', at: l.at, url: l.url, words: '', notFound: false, shown };
  });
}
