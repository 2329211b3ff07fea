import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtensionDriver, LaunchOptions, ShopTab } from './driver';
import { firstExtensionPage } from './firefox-first-page';
import { firefoxExtensionPage, firefoxShopTab, loadedAt, newPageAt, sendTabTo } from './firefox-pages';
import { activeTabId } from './page-helpers';
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
  let toolbar = firefoxExtensionPage(toolbarPage, origin);
  const tabs = new Map<ShopTab, Page>();
  const pageOf = (tab: ShopTab) => {
    const page = tabs.get(tab);
    if (!page) throw new Error('not a tab of this driver');
    return page;
  };
  const openedBy = async (path: string, action: () => Promise<void>) => {
    const known = new Set(await browser.pages());
    await action();
    return firefoxExtensionPage(await newPageAt(browser, known, `${origin}/${path}`), origin);
  };

  const driver: FirefoxDriver = {
    name: 'firefox',
    get origin() {
      return origin;
    },
    browser,
    openTab: async (url, options) => {
      const page = await browser.newPage();
      const tab = firefoxShopTab(browser, page);
      tabs.set(tab, page);
      if (url) await tab.goto(url, options);
      return tab;
    },
    // BiDi may not open an extension page, but the extension may send a tab there: a new blank tab
    // (so the driver knows its page without looking for it), sent by the toolbar page.
    extensionPage: async (path) => {
      const page = await browser.newPage();
      await page.bringToFront();
      const id = await toolbar.evaluate(activeTabId);
      if (id === null) throw new Error('no active tab');
      await toolbar.evaluate(sendTabTo, [id, `${origin}/${path}`] as [number, string]);
      await loadedAt(page, `${origin}/${path.split('?')[0]}`);
      return firefoxExtensionPage(page, origin);
    },
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
      toolbar = firefoxExtensionPage(toolbarPage, origin);
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
