import { canonicalKey } from '../feed/keys';
import { KIND_TO_KEY } from '../feed/scan-queries';
import type { Identifier } from '../types';
import type { RegistryLookup } from '../feed/registry-lookup';
import type { OfficialCheck } from '../types';

export type { OfficialCheck } from '../types';

export function officialChecks(lookups: readonly RegistryLookup[], identifiers: readonly Pick<Identifier, 'kind' | 'value'>[] = []): OfficialCheck[] {
  return lookups.map((l) => {
    const shown = identifiers.filter((i) => KIND_TO_KEY[i.kind] === l.kind && canonicalKey(l.kind, i.value) === l.value).map((i) => `${i.kind}:${i.value}`);
    return l.state === 'answered'
      ? { kind: l.kind, value: l.value, site: l.answer.site, state: 'answered', at: l.at, url: l.answer.url, words: l.answer.words, notFound: l.answer.notFound, shown }
      : { kind: l.kind, value: l.value, site: l.site, state: 'unreadable', at: l.at, url: l.url, words: '', notFound: false, shown };
  });
}
