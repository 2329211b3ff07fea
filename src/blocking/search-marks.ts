import type { ListName } from '../feed/format';
import { LIST_TITLES } from '../feed/list-names';
import type { ListMatch } from '../feed/lookup-types';
import { domainsOf } from '../feed/scan-queries';
import type { Lang } from '../i18n/lang';
import { matchPersonalLists } from '../personal-lists/match-personal-lists';
import { actionOf, type BlockContext } from './block-reasons';

/** A mark beside a search result's title: red for a listed scam site, amber for a lesser entry. */
export type MarkLevel = 'red' | 'amber';

/** The colour each list's entries get. Nothing is ever marked as good. */
export const LIST_MARK: Readonly<Record<ListName, MarkLevel>> = Object.freeze({
  'fraud-domain': 'red',
  'serious-dishonest': 'red',
  'court-dishonest': 'amber',
  'abnormal-operation': 'amber',
  community: 'amber',
});

export interface TargetMark {
  level: MarkLevel;
  /** The word on the mark, in the shopper's language. */
  label: string;
  /** The tooltip: which list (and whose), in the shopper's language. */
  title: string;
}

const LABEL: Record<MarkLevel, Record<Lang, string>> = {
  red: { 'zh-CN': '高风险', 'zh-TW': '高風險', en: 'Risky' },
  amber: { 'zh-CN': '注意', 'zh-TW': '注意', en: 'Caution' },
};

const PERSONAL: Record<Lang, string> = { 'zh-CN': '你自己的“总是提醒”名单', 'zh-TW': '你自己的「總是提醒」名單', en: 'your own "always warn" list' };
const ON: Record<Lang, (what: string) => string> = {
  'zh-CN': (w) => `亮照卫士：列入${w}`,
  'zh-TW': (w) => `亮照衛士：列入${w}`,
  en: (w) => `Liangzhao Guard: on the ${w}`,
};

/**
 * The mark for one result's target (its URL), from the lists' hits on its domains and the shopper's
 * own lists; null when nothing marks it. A list marks when its entries mark or block here; a
 * "trust" entry of the shopper's for the site means no mark at all.
 */
export function markFor(url: string, matches: readonly ListMatch[], ctx: BlockContext, lang: Lang): TargetMark | null {
  const decision = matchPersonalLists(url, [], ctx.personal);
  if (decision.action === 'trust') return null;
  const names: string[] = [];
  let level: MarkLevel | null = null;
  const raise = (l: MarkLevel) => (level = level === 'red' || l === 'red' ? 'red' : 'amber');
  const entry = decision.decidedBy?.entry;
  if (entry?.action === 'warn') {
    raise(entry.block ? 'red' : 'amber');
    names.push(PERSONAL[lang]);
  }
  const domains = new Set(domainsOf(url));
  for (const m of matches) {
    if (m.kind !== 'domain' || !domains.has(m.value) || actionOf(ctx, m.feed, m.list) === 'inform') continue;
    raise(LIST_MARK[m.list]);
    const name = LIST_TITLES[m.list][lang] + (m.feed ? (lang === 'en' ? ` (${m.feed})` : `（${m.feed}）`) : '');
    if (!names.includes(name)) names.push(name);
  }
  if (!level) return null;
  const final: MarkLevel = level;
  return { level: final, label: LABEL[final][lang], title: ON[lang](names.join(lang === 'en' ? '; ' : '、')) };
}
