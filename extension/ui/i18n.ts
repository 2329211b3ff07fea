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

/** A verdict level's title and hint, in the UI's words. */
export function levelText(level: Level, t: T): { title: string; hint: string } {
  const name = level.charAt(0).toUpperCase() + level.slice(1);
  return { title: t(`level${name}`), hint: t(`level${name}Hint`) };
}
