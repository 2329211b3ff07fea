import type { Lang } from '../i18n/lang';
import type { RegistryEntry } from '../feed/registry-answer';
import { entryWords } from '../registries/answer-words';
import type { RegistryLookup } from '../feed/registry-lookup';
import { REGISTRY_NAMES } from '../registries/site-names';

/**
 * The evidence of a finding that rests on a registry's answer: which registry, when the shopper
 * looked, and what it said, in its own words: about the company (name, code, status), or the one
 * list entry the finding is about. The whole answer is shown with the number in the panel.
 */
export function registryEvidence(lookup: Extract<RegistryLookup, { state: 'answered' }>, lang: Lang, entry?: RegistryEntry): string {
  const day = new Date(lookup.at).toISOString().slice(0, 10);
  const name = REGISTRY_NAMES[lookup.answer.site][lang];
  // English names read "the … System" mid-sentence; the evidence starts with it.
  const where = name.charAt(0).toUpperCase() + name.slice(1);
  const when = lang === 'en' ? `, read ${day}` : `（${day} 查询）`;
  const { answer } = lookup;
  const s = answer.subject;
  const subject = s && !answer.filing ? [s.name && `企业名称：${s.name}`, s.uscc && `统一社会信用代码：${s.uscc}`, s.status && `登记状态：${s.status}`].filter(Boolean).join('；') : '';
  const said = entry ? entryWords(entry) : subject || answer.words;
  return `${where}${when}${lang === 'en' ? ': ' : '：'}${said}`;
}

/** Params every registry-based finding carries (where the answer came from, so the panel can say). */
export function registryParams(lookup: Extract<RegistryLookup, { state: 'answered' }>, lang: Lang): Record<string, string> {
  return { registry: REGISTRY_NAMES[lookup.answer.site][lang], registrySite: lookup.answer.site, registryUrl: lookup.answer.url, registryAt: String(lookup.at) };
}
