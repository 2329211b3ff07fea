import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../harness/fixture-server';
import type { ExtensionDriver, ExtensionPage, LaunchOptions, ShopTab } from './driver';
import { clickFirefoxNode, readFirefoxPanel } from './firefox-panel';
import { findInPanel } from './panel-view';
import { activeTabId, attributeOf, checkedOf, countOf, sendFromPage, textOf, valueOf } from './page-helpers';
import { poll } from './poll';
import { readToolbar } from './toolbar';

export const FIREFOX_DIST = fileURLToPath(new URL('../../../dist/firefox', import.meta.url));
export const GECKO_ID = 'liangzhao-guard@liangzhao.example';

/** What only Firefox scenarios use. */
export interface FirefoxDriver extends ExtensionDriver {
  readonly name: 'firefox';
  readonly browser: Browser;
  /** Installs the same build again: an update, as far as the extension can tell. */
  reinstall(): Promise<void>;
}

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
function extensionPage(page: Page, origin: string): ExtensionPage {
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
    waitForFunction: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn, { timeout: timeoutMs }, arg as never)),
    waitFor: async (selector, { timeoutMs = 20_000, gone = false } = {}) => void (await page.waitForSelector(selector, { timeout: timeoutMs, hidden: gone })),
    text: (selector) => page.evaluate(textOf, selector),
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

function shopTab(browser: Browser, page: Page): ShopTab {
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
    screenshot: () => page.screenshot({ type: 'png' }),
    close: () => page.close(),
  };
}

/** Opens a tab from an extension page (runs there). */
async function openExtensionTab(url: string): Promise<void> {
  await (globalThis as unknown as { browser: { tabs: { create(p: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url });
}

/** The first page not in `known` whose document is at `prefix`, once it shows up. */
async function newPageAt(browser: Browser, known: Set<Page>, prefix: string): Promise<Page> {
  const hrefOf = (p: Page) => p.evaluate(() => location.href).catch(() => '');
  const found = await poll(
    async () => {
      for (const p of await browser.pages()) if (!known.has(p) && (await hrefOf(p)).startsWith(prefix)) return p;
      return null;
    },
    (p) => p !== null,
  );
  if (!found) throw new Error(`no page opened at ${prefix}`);
  await poll(() => found.evaluate(() => document.readyState === 'complete').catch(() => false), (ok) => ok);
  return found;
}

/**
 * The first extension page, opened as a user would: the danger panel's "report this shop" button on
 * a spoofed-badge page opens the report form. Its draft is deleted; the page becomes the driver's
 * toolbar page (popup.html), from which every other extension page is opened.
 */
async function firstExtensionPage(browser: Browser): Promise<{ page: Page; origin: string }> {
  const server = await startFixtureServer();
  const shop = await browser.newPage();
  try {
    await shop.goto(server.url('/demo/spoofed-badge.html'));
    const panel = await poll(() => readFirefoxPanel(browser, shop).catch(() => null), (p) => !!findInPanel(p, (a) => a['data-action'] === 'report'), { timeoutMs: 30_000 });
    const report = findInPanel(panel, (a) => a['data-action'] === 'report');
    if (!report) throw new Error('the danger panel with its report button did not appear');
    const known = new Set(await browser.pages());
    await clickFirefoxNode(browser, shop, report.handle as string);
    const page = await newPageAt(browser, known, 'moz-extension://');
    const href = new URL(await page.evaluate(() => location.href));
    const draft = href.searchParams.get('draft');
    // URL.origin is "null" for schemes node does not know.
    const origin = `${href.protocol}//${href.host}`;
    const ext = extensionPage(page, origin);
    if (draft) await ext.send('deleteReportDraft', { id: draft });
    await ext.open('extension/popup/popup.html');
    return { page, origin };
  } finally {
    await shop.close();
    await server.close();
  }
}

/** Debian's Firefox ESR with the built extension (dist/firefox) installed, over WebDriver BiDi. */
export async function launchFirefoxDriver(options: LaunchOptions = {}, dist = FIREFOX_DIST): Promise<FirefoxDriver> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'lz-firefox-')));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 860 },
    ...(options.home ? { env: { ...process.env, HOME: options.home } } : {}),
  });
  const consoleLines: string[] = [];
  const watch = (page: Page) => page.on('console', (m) => consoleLines.push(`[${page.url()}] ${m.type()}: ${m.text()}`));
  browser.on('targetcreated', (t) => void t.page().then((p) => p && watch(p), () => undefined));
  try {
    const id = await browser.installExtension(dist);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  // The toolbar page: what the driver opens other extension pages and the popup from. An update of
  // the add-on closes every page of it, and the driver opens its first one again.
  let { page: toolbarPage, origin } = await firstExtensionPage(browser);
  let toolbar = extensionPage(toolbarPage, origin);
  const tabs = new Map<ShopTab, Page>();
  const pageOf = (tab: ShopTab) => {
    const page = tabs.get(tab);
    if (!page) throw new Error('not a tab of this driver');
    return page;
  };
  const openedBy = async (path: string, action: () => Promise<void>) => {
    const known = new Set(await browser.pages());
    await action();
    return extensionPage(await newPageAt(browser, known, `${origin}/${path}`), origin);
  };

  const driver: FirefoxDriver = {
    name: 'firefox',
    get origin() {
      return origin;
    },
    browser,
    openTab: async (url, options) => {
      const page = await browser.newPage();
      const tab = shopTab(browser, page);
      tabs.set(tab, page);
      if (url) await tab.goto(url, options);
      return tab;
    },
    // A new tab of the extension, opened by the toolbar page (BiDi cannot open it).
    extensionPage: (path) => openedBy(path, () => toolbar.evaluate(openExtensionTab, `${origin}/${path}`)),
    expectExtensionPage: openedBy,
    tabId: async (tab) => {
      await pageOf(tab).bringToFront();
      const id = await toolbar.evaluate(activeTabId);
      if (id === null) throw new Error('no active tab');
      return id;
    },
    toolbar: async (tab) => {
      const id = await driver.tabId(tab);
      // As a popup opens over the page: a page in a background tab runs its timers slowly.
      await toolbarPage.bringToFront();
      try {
        return await readToolbar(toolbar, id);
      } finally {
        await pageOf(tab).bringToFront(); // and closes again
      }
    },
    reinstall: async () => {
      if ((await browser.installExtension(dist)) !== GECKO_ID) throw new Error('reinstall failed');
      ({ page: toolbarPage, origin } = await firstExtensionPage(browser));
      toolbar = extensionPage(toolbarPage, origin);
    },
    beginTest: async () => {
      consoleLines.length = 0;
    },
    endTest: async (dir) => {
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      const pages = await browser.pages();
      for (const [i, page] of pages.entries()) {
        await page.screenshot({ path: join(dir, `page-${i + 1}.png`) as `${string}.png` }).catch(() => undefined);
      }
      const urls = await Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => p.url())));
      await writeFile(join(dir, 'pages.txt'), urls.map((u, i) => `page-${i + 1}.png ${u}`).join('\n') + '\n');
      await writeFile(join(dir, 'console.log'), consoleLines.join('\n') + '\n');
    },
    close: async () => {
      await browser.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
  return driver;
}
