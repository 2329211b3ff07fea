import browser from 'webextension-polyfill';
import type { Lang } from '../../src/i18n/lang';
import { flattenMessages, localeDir } from '../ui/messages-file';

/**
 * UI strings of one language, read from the extension's own _locales/<dir>/messages.json. Content
 * scripts ask for them here: reading the file themselves would need it web-accessible, which would
 * let any page detect the extension.
 */
export class UiStrings {
  readonly ready: Promise<void> = Promise.resolve();
  private readonly cache = new Map<Lang, Promise<Record<string, string>>>();

  get(lang: Lang): Promise<Record<string, string>> {
    let strings = this.cache.get(lang);
    if (!strings) {
      strings = fetch(browser.runtime.getURL(`_locales/${localeDir(lang)}/messages.json`))
        .then((r) => r.json())
        .then(flattenMessages);
      strings.catch(() => this.cache.delete(lang));
      this.cache.set(lang, strings);
    }
    return strings;
  }
}
