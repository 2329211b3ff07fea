import { LANGS, pickLang, type Lang } from '../i18n/lang';
import { parseSitePattern } from './site-pattern';

/** What the user can set on the options page. Stored as one JSON item; `normalizeSettings` migrates. */
export interface Settings {
  version: 1;
  /** UI and finding language; `auto` follows the browser. */
  language: 'auto' | Lang;
  /** `warnings`: the panel opens by itself only for danger and warning; `always`: also for caution. */
  panelOpens: 'always' | 'warnings';
  /**
   * Show the small pill on pages where nothing was found wrong. Off by default: good pages stay
   * quiet, as Safe Browsing is quiet on good sites (the toolbar still shows what was read).
   */
  quietPill: boolean;
  /** The corner the panel opens in (the user docks it; it moves by itself only to uncover a buy button). */
  panelSide: 'left' | 'right';
  /** Host patterns the extension leaves alone (see site-pattern.ts). */
  allowlist: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ version: 1, language: 'auto', panelOpens: 'warnings', quietPill: false, panelSide: 'right', allowlist: [] });

const MAX_ALLOWLIST = 500;

/**
 * Turns whatever is stored (older versions, hand edits, nothing) into valid Settings: unknown or
 * bad fields fall back to their defaults one by one, so one bad field never loses the others.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const language = r.language === 'auto' || (LANGS as readonly unknown[]).includes(r.language) ? (r.language as Settings['language']) : DEFAULT_SETTINGS.language;
  const panelOpens = r.panelOpens === 'always' || r.panelOpens === 'warnings' ? r.panelOpens : DEFAULT_SETTINGS.panelOpens;
  const allowlist: string[] = [];
  if (Array.isArray(r.allowlist)) {
    for (const p of r.allowlist) {
      if (typeof p !== 'string') continue;
      const parsed = parseSitePattern(p);
      if (parsed.ok && !allowlist.includes(parsed.pattern)) allowlist.push(parsed.pattern);
      if (allowlist.length >= MAX_ALLOWLIST) break;
    }
  }
  const quietPill = typeof r.quietPill === 'boolean' ? r.quietPill : DEFAULT_SETTINGS.quietPill;
  const panelSide = r.panelSide === 'left' || r.panelSide === 'right' ? r.panelSide : DEFAULT_SETTINGS.panelSide;
  return { version: 1, language, panelOpens, quietPill, panelSide, allowlist };
}

/** The language to use: the user's choice, or the browser's UI language. */
export function resolveLang(settings: Pick<Settings, 'language'>, browserLanguage: string): Lang {
  return settings.language === 'auto' ? pickLang(browserLanguage) : settings.language;
}
