import type { Browser, Page } from 'puppeteer-core';
import type { ExtensionPage, ShopTab } from './driver';
import { clickFirefoxNode, firefoxBox, firefoxPanelMarkup, readFirefoxPanel } from './firefox-panel';
import { attributeOf, checkedOf, countOf, sendFromPage, textOf, textsOf, valueOf } from './page-helpers';
import { poll } from './poll';

/** Marks the current document so that a wait can tell when the next one has loaded. */
const leave = (url: string | null) => {
  (window as unknown as { __lzLeaving: boolean }).__lzLeaving = true;
  // After this evaluation has answered: a document that goes away mid-answer leaves BiDi waiting.
  setTimeout(() => (url === null ? location.reload() : location.assign(url)), 0);
};
const arrived = () => !(window as unknown as { __lzLeaving?: boolean }).__lzLeaving && document.readyState === 'complete';

/**
 * WebDriver BiDi may not navigate a tab to a moz-extension:// URL, but an extension page may
 * navigate itself within the extension: that is how these pages move between popup, options and
 * report form.
 */
export function firefoxExtensionPage(page: Page, origin: string): ExtensionPage {
  const go = async (url: string | null) => {
    await page.evaluate(leave, url);
    const done = await poll(() => page.evaluate(arrived).catch(() => false), (ok) => ok, { timeoutMs: 20_000, everyMs: 50 });
    if (!done) throw new Error(`${url ?? 'reload'}: the page did not load`);
  };
  return {
    open: (path) => go(`${origin}/${path}`),
    reload: () => go(null),
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    evaluateScript: async (source) => void (await page.evaluate(source)),
    waitForFunction: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn, { timeout: timeoutMs }, arg as never)),
    waitFor: async (selector, { timeoutMs = 20_000, gone = false } = {}) => void (await page.waitForSelector(selector, { timeout: timeoutMs, hidden: gone })),
    text: (selector) => page.evaluate(textOf, selector),
    texts: (selector) => page.evaluate(textsOf, selector),
    count: (selector) => page.evaluate(countOf, selector),
    value: (selector) => page.evaluate(valueOf, selector),
    checked: (selector) => page.evaluate(checkedOf, selector),
    attribute: (selector, name) => page.evaluate(attributeOf, [selector, name] as [string, string]),
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    select: async (selector, value) => void (await page.select(selector, value)),
    press: async (selector, key) => {
      await page.focus(selector);
      await page.keyboard.press(key as never);
    },
    send: (type, payload) => page.evaluate(sendFromPage, [type, payload] as never),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: ({ path, fullPage = false } = {}) => page.screenshot({ type: 'png', fullPage, ...(path ? { path: path as `${string}.png` } : {}) }),
    close: () => page.close(),
  };
}

/** A shop tab of Firefox. */
export function firefoxShopTab(browser: Browser, page: Page): ShopTab {
  // Content scripts' messages come with the page's (BiDi log entries of every realm of the tab).
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  return {
    // A tab the scenario acts on is in front, as a user's would be: background tabs run their timers slowly.
    goto: async (url, { timeoutMs = 30_000 } = {}) => {
      await page.bringToFront();
      await page.goto(url, { timeout: timeoutMs });
    },
    reload: async () => {
      await page.bringToFront();
      await page.reload();
    },
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    waitForFunction: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn, { timeout: timeoutMs }, arg as never)),
    click: async (selector) => {
      await page.bringToFront();
      await page.click(selector);
    },
    press: async (key) => {
      await page.bringToFront();
      await page.keyboard.press(key as never);
    },
    // A read during a navigation finds no document: no panel yet.
    panel: () => readFirefoxPanel(browser, page).catch(() => null),
    clickPanel: async (el) => {
      await page.bringToFront();
      await clickFirefoxNode(browser, page, el.handle as string);
    },
    boxOf: (el) => firefoxBox(browser, page, el.handle as string),
    panelMarkup: () => firefoxPanelMarkup(browser, page),
    setViewport: (width, height) => page.setViewport({ width, height }),
    consoleMessages: async () => [...messages],
    screenshot: async () => {
      await page.bringToFront();
      return page.screenshot({ type: 'png' });
    },
    close: () => page.close(),
  };
}

/** Sends a tab to a page of the extension, from an extension page (runs there). */
export async function sendTabTo([tabId, url]: [number, string]): Promise<void> {
  await (globalThis as unknown as { browser: { tabs: { update(id: number, p: { url: string }): Promise<unknown> } } }).browser.tabs.update(tabId, { url });
}

/** Waits until a page's document is at `prefix` and loaded. */
export async function loadedAt(page: Page, prefix: string): Promise<void> {
  const at = await poll(() => page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => ''), (href) => href.startsWith(prefix), { timeoutMs: 30_000 });
  if (!at.startsWith(prefix)) throw new Error(`the page did not load ${prefix}`);
}

/** The first page not in `known` whose document is at `prefix`, once it shows up. */
export async function newPageAt(browser: Browser, known: Set<Page>, prefix: string, timeoutMs = 20_000): Promise<Page> {
  const hrefOf = (p: Page) => p.evaluate(() => location.href).catch(() => '');
  const found = await poll(
    async () => {
      for (const p of await browser.pages()) if (!known.has(p) && (await hrefOf(p)).startsWith(prefix)) return p;
      return null;
    },
    (p) => p !== null,
    { timeoutMs },
  );
  if (!found) throw new Error(`no page opened at ${prefix}`);
  await poll(() => found.evaluate(() => document.readyState === 'complete').catch(() => false), (ok) => ok);
  return found;
}
