import type { Lang } from '../../src/i18n/lang';

/** The _locales directory of a UI language. */
export function localeDir(lang: Lang): string {
  return lang.replace('-', '_');
}

/** messages.json (`{ key: { message, description } }`) → `{ key: message }`; ignores malformed entries. */
export function flattenMessages(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!json || typeof json !== 'object') return out;
  for (const [k, v] of Object.entries(json)) {
    const message = (v as { message?: unknown } | null)?.message;
    if (typeof message === 'string') out[k] = message;
  }
  return out;
}
