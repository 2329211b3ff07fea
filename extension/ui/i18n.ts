import type { Lang } from '../../src/i18n/lang';
import type { Level } from '../../src/types';

/** Looks up a UI string and fills `$1`…`$9`. */
export type T = (key: string, ...subs: (string | number)[]) => string;

/**
 * A translator over the chosen language's strings; a key missing there falls back to the browser's
 * own i18n (the browser's UI language), then to the key itself so a gap is visible, never blank.
 */
export function makeT(strings: Record<string, string>, fallback: (key: string) => string): T {
  return (key, ...subs) => {
    const template = strings[key] ?? (fallback(key) || key);
    return template.replace(/\$(\d)/g, (whole, n: string) => {
      const sub = subs[Number(n) - 1];
      return sub === undefined ? whole : String(sub);
    });
  };
}

/** `kind_psb_filing` style keys for identifier kinds. */
export const kindKey = (kind: string) => `kind_${kind.replace(/-/g, '_')}`;

/** The `lang` attribute value for a UI language. */
export const htmlLang = (lang: Lang) => (lang === 'en' ? 'en' : lang === 'zh-TW' ? 'zh-Hant-TW' : 'zh-Hans-CN');

/**
 * A verdict level's one word (高风险 / 可疑 / 请留意 / 未发现问题 …, the same in chips, headers, the
 * popup and the toolbar) and its hint. Where nothing was found wrong but no list was asked
 * (`listsChecked` false), the hint is the headline "已读取证照号码，未核对名单" itself.
 */
export function levelText(level: Level, t: T, listsChecked = true): { title: string; hint: string; detail: string | null } {
  const name = level.charAt(0).toUpperCase() + level.slice(1);
  if (level === 'ok' && !listsChecked) return { title: t('levelOk'), hint: t('levelOkUnchecked'), detail: t('levelOkUncheckedHint') };
  return { title: t(`level${name}`), hint: t(`level${name}Hint`), detail: null };
}
