import browser from 'webextension-polyfill';
import type { Lang } from '../../src/i18n/lang';
import { makeT, type T } from './i18n';
import { flattenMessages, localeDir } from './messages-file';

/**
 * UI strings for an extension page in the chosen language: the locale's messages.json read from the
 * package (browser.i18n only knows the browser's language), with browser.i18n as the fallback.
 */
export async function loadPageStrings(lang: Lang): Promise<T> {
  let strings: Record<string, string> = {};
  try {
    const res = await fetch(browser.runtime.getURL(`_locales/${localeDir(lang)}/messages.json`));
    strings = flattenMessages(await res.json());
  } catch {
    // Fall through to browser.i18n.
  }
  return makeT(strings, (key) => browser.i18n.getMessage(key));
}
