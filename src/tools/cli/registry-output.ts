import type { Lang } from '../../i18n/lang';
import type { RegistryAnswer, RegistrySiteId } from '../../feed/registry-answer';
import { registryListWord } from '../../registries/answer-words';
import { registrySiteOf } from '../../registries/hosts';
import { readRegistryPage } from '../../registries/read-registry-page';
import { REGISTRY_NAMES } from '../../registries/site-names';

/** What `scan --json` prints as `registry` for a registry page: its answer, or why it was not read. */
export type RegistryOutput = RegistryAnswer | { site: RegistrySiteId; unreadable: string };

/**
 * The answer of a saved registry result page (the same readers as the extension's), when the page's
 * URL is a registry host over https; undefined for any other page (no `registry` field at all).
 */
export function registryOutput(document: Document, url: string): RegistryOutput | undefined {
  if (!registrySiteOf(url)) return undefined;
  const reading = readRegistryPage(document, url);
  if (reading.state === 'answer') return reading.answer;
  if (reading.state === 'refused') return undefined;
  return { site: reading.site, unreadable: reading.state === 'unreadable' ? reading.reason : 'not a result page' };
}

const WORDS = {
  title: { 'zh-CN': '官方登记系统的答复', 'zh-TW': '官方登記系統的答覆', en: 'The registry\'s answer' },
  unreadable: { 'zh-CN': '无法读取该页面的答复（页面格式未知），未作任何结论', 'zh-TW': '無法讀取該頁面的答覆（頁面格式未知），未作任何結論', en: 'could not read the registry\'s answer (unknown page layout); nothing was concluded' },
  notFound: { 'zh-CN': '查无记录', 'zh-TW': '查無記錄', en: 'nothing found' },
} satisfies Record<string, Record<Lang, string>>;

/** The readable lines of the registry's answer, for the text report. */
export function formatRegistry(out: RegistryOutput, lang: Lang): string {
  const lines = ['', `${WORDS.title[lang]} (${REGISTRY_NAMES[out.site][lang]}):`];
  if ('unreadable' in out) return [...lines, `  ${WORDS.unreadable[lang]}: ${out.unreadable}`].join('\n');
  if (out.notFound) lines.push(`  ${WORDS.notFound[lang]}: ${out.query ?? ''}`);
  else lines.push(`  ${out.words}`);
  for (const e of out.entries) lines.push(`  - ${registryListWord(e.list)}: ${[e.reason, e.authority, e.date, e.removedOn ? `移出 ${e.removedOn}` : ''].filter(Boolean).join('，')}`);
  return lines.join('\n');
}
