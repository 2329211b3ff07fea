import browser from 'webextension-polyfill';

export const FIRST_RUN_PAGE = 'extension/firstrun/firstrun.html';

/**
 * Opens the first-run page once, when the extension is installed (not on updates or browser starts):
 * what is checked on the device and what is not, and the recommended lists, one click each.
 */
export class FirstRun {
  readonly ready: Promise<void> = Promise.resolve();

  constructor() {
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) }).catch((e: unknown) => console.warn('[liangzhao] first run:', e));
    });
  }
}
