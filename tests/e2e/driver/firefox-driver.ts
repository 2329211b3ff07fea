import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDir } from '../../../scripts/zip-dir.mjs';
import type { ExtensionDriver, LaunchOptions, ShopTab } from './driver';
import { firstExtensionPage } from './firefox-first-page';
import { firefoxExtensionPage, firefoxShopTab, loadedAt, newPageAt, sendTabTo } from './firefox-pages';
import { firefoxHostPrefs } from './host-mapping';
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

/**
 * The extension installed to stay, as a user's is: an unsigned XPI in the profile's extensions
 * folder, which ESR loads at start when these preferences allow it (once; a restart finds it there).
 */
const STAY_INSTALLED = { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 };
async function installInProfile(profile: string, dist: string): Promise<void> {
  const xpi = join(profile, 'extensions', `${GECKO_ID}.xpi`);
  if (existsSync(xpi)) return;
  await mkdir(join(profile, 'extensions'), { recursive: true });
  zipDir(dist, xpi);
}

/**
 * Debian's Firefox ESR with the built extension (dist/firefox) over WebDriver BiDi: installed as a
 * temporary add-on, or, in a profile the scenario keeps (a restart), into that profile.
 */
export async function launchFirefoxDriver(options: LaunchOptions = {}): Promise<FirefoxDriver> {
  const dist = options.dist ?? FIREFOX_DIST;
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'lz-firefox-')));
  const stays = options.profile !== undefined;
  if (stays) await installInProfile(profile, dist);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 860 },
    acceptInsecureCerts: options.hosts !== undefined,
    extraPrefsFirefox: { ...(stays ? STAY_INSTALLED : {}), ...(options.hosts ? firefoxHostPrefs(options.hosts) : {}) },
    ...(options.home ? { env: { ...process.env, HOME: options.home } } : {}),
  });
  const consoleLines: string[] = [];
  const watch = (page: Page) => page.on('console', (m) => consoleLines.push(`[${page.url()}] ${m.type()}: ${m.text()}`));
  browser.on('targetcreated', (t) => void t.page().then((p) => p && watch(p), () => undefined));
  try {
    const id = stays ? GECKO_ID : await browser.installExtension(dist);
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
  const shopTab = (page: Page) => {
    const tab = firefoxShopTab(browser, page);
    tabs.set(tab, page);
    return tab;
  };
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
      const tab = shopTab(await browser.newPage());
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
    waitForExtensionPage: async (path, timeoutMs) => firefoxExtensionPage(await newPageAt(browser, new Set(), `${origin}/${path}`, timeoutMs), origin),
    expectTab: async (urlPrefix, action) => {
      const known = new Set(await browser.pages());
      await action();
      return shopTab(await newPageAt(browser, known, urlPrefix));
    },
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
    // An update of the temporary add-on (not meant for one installed in the profile).
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
