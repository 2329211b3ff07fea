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
}

export function officialChecks(lookups: readonly RegistryLookup[]): OfficialCheck[] {
  return lookups.map((l) =>
    l.state === 'answered'
      ? { kind: l.kind, value: l.value, site: l.answer.site, state: 'answered', at: l.at, url: l.answer.url, words: l.answer.words, notFound: l.answer.notFound }
      : { kind: l.kind, value: l.value, site: l.site, state: 'unreadable', at: l.at, url: l.url, words: '', notFound: false },
  );
}
