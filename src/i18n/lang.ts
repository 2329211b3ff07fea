/** UI and message languages. zh-CN is the default. */
export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Picks the closest supported language for a BCP 47 tag (zh-HK, zh-Hant → zh-TW; other zh → zh-CN). */
export function pickLang(tag: string | null | undefined): Lang {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return 'zh-CN';
}
