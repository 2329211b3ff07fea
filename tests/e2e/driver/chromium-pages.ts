import type { Page } from 'playwright-core';
import type { ExtensionPage, ShopTab } from './driver';
import { chromiumBox, chromiumPanelMarkup, clickChromiumNode, readChromiumPanel } from './chromium-panel';
import { attributeOf, checkedOf, countOf, sendFromPage, textOf, textsOf, valueOf } from './page-helpers';

/** An extension page of Chromium: a playwright page at chrome-extension://ID/…. */
export function chromiumExtensionPage(page: Page, origin: string): ExtensionPage {
  return {
    open: async (path) => void (await page.goto(`${origin}/${path}`)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    evaluateScript: async (source) => void (await page.evaluate(source)),
    waitForFunction: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn, arg as never, { timeout: timeoutMs })),
    waitFor: async (selector, { timeoutMs = 20_000, gone = false } = {}) => void (await page.waitForSelector(selector, { timeout: timeoutMs, state: gone ? 'detached' : 'attached' })),
    text: (selector) => page.evaluate(textOf, selector),
    texts: (selector) => page.evaluate(textsOf, selector),
    count: (selector) => page.evaluate(countOf, selector),
    value: (selector) => page.evaluate(valueOf, selector),
    checked: (selector) => page.evaluate(checkedOf, selector),
    attribute: (selector, name) => page.evaluate(attributeOf, [selector, name] as [string, string]),
    fill: (selector, value) => page.locator(selector).first().fill(value),
    click: (selector) => page.locator(selector).first().click(),
    select: async (selector, value) => void (await page.selectOption(selector, value)),
    press: (selector, key) => page.press(selector, key),
    send: (type, payload) => page.evaluate(sendFromPage, [type, payload] as never),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: ({ path, fullPage = false } = {}) => page.screenshot({ type: 'png', fullPage, ...(path ? { path } : {}) }),
    close: () => page.close(),
  };
}

/** A shop tab of Chromium. */
export function chromiumShopTab(page: Page): ShopTab {
  // Content scripts' messages come with the page's (playwright reports every world of the page).
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
    waitForFunction: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn, arg as never, { timeout: timeoutMs })),
    click: async (selector) => {
      await page.bringToFront();
      await page.click(selector);
    },
    press: async (key) => {
      await page.bringToFront();
      await page.keyboard.press(key);
    },
    panel: () => readChromiumPanel(page),
    clickPanel: async (el) => {
      await page.bringToFront();
      await clickChromiumNode(page, el.handle as number);
    },
    boxOf: (el) => chromiumBox(page, el.handle as number),
    panelMarkup: () => chromiumPanelMarkup(page),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    consoleMessages: async () => [...messages],
    screenshot: async () => {
      await page.bringToFront();
      return page.screenshot({ type: 'png' });
    },
    close: () => page.close(),
  };
}
