import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain .mjs without types
import { chromiumArgs } from '../../../scripts/ensure.mjs';
import type { ExtensionDriver, LaunchOptions, ShopTab } from './driver';
import { chromiumExtensionPage, chromiumShopTab } from './chromium-pages';
import { chromiumHostArgs } from './host-mapping';
import { activeTabId } from './page-helpers';
import { poll, within } from './poll';
import { readToolbar } from './toolbar';

export const CHROME_DIST = fileURLToPath(new URL('../../../dist/chrome', import.meta.url));

/** What only Chromium scenarios use (the offscreen document, the service worker, CDP). */
export interface ChromiumDriver extends ExtensionDriver {
  readonly name: 'chromium';
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker, started again if it was stopped. */
  worker(): Promise<Worker>;
  /** Stops the extension's service worker the way the browser does when it kills an idle one. */
  stopServiceWorker(): Promise<void>;
  /** The playwright page behind a tab this driver opened. */
  pageOf(tab: ShopTab): Page;
}

/** Debian's Chromium with the built extension (dist/chrome) loaded, in a throwaway or given profile. */
export async function launchChromiumDriver(options: LaunchOptions = {}): Promise<ChromiumDriver> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'lz-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [...chromiumArgs(options.dist ?? CHROME_DIST, { headless: true }), ...(options.hosts ? chromiumHostArgs(options.hosts) : [])],
  });
  // A trace of each test's actions, console and network, kept only when the test fails (endTest). No
  // DOM snapshots: one per action of a 200,000-node page stalls the browser for minutes.
  await context.tracing.start({ snapshots: false, screenshots: false, sources: false });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  const consoleLines: string[] = [];
  const watch = (page: Page) => page.on('console', (m) => consoleLines.push(`[${page.url()}] ${m.type()}: ${m.text()}`));
  context.on('page', watch);
  const tabs = new Map<ShopTab, Page>();
  const shopTab = (page: Page) => {
    const tab = chromiumShopTab(page);
    tabs.set(tab, page);
    return tab;
  };
  /** The first page, among those `known` does not hold, whose URL starts with `prefix`, once loaded. */
  const newPageAt = async (prefix: string, known: Set<Page>, timeoutMs = 20_000) => {
    const page = await poll(async () => context.pages().find((p) => !known.has(p) && p.url().startsWith(prefix)) ?? null, (p) => p !== null, { timeoutMs });
    if (!page) throw new Error(`no page opened at ${prefix}`);
    await page.waitForLoadState();
    return page;
  };
  let current = first;
  let toolbarPage: Page | null = null;
  const toolbarPageOf = async () => {
    toolbarPage ??= await context.newPage();
    if (!toolbarPage.url().startsWith(origin)) await toolbarPage.goto(`${origin}/extension/popup/popup.html`);
    return toolbarPage;
  };

  const driver: ChromiumDriver = {
    name: 'chromium',
    origin,
    context,
    extensionId,
    openTab: async (url, options) => {
      const tab = shopTab(await context.newPage());
      if (url) await tab.goto(url, options);
      return tab;
    },
    extensionPage: async (path) => {
      const page = chromiumExtensionPage(await context.newPage(), origin);
      await page.open(path);
      return page;
    },
    expectExtensionPage: async (path, action) => {
      const opened = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${origin}/${path}`), timeout: 20_000 });
      await action();
      const page = await opened;
      await page.waitForLoadState();
      return chromiumExtensionPage(page, origin);
    },
    waitForExtensionPage: async (path, timeoutMs) => chromiumExtensionPage(await newPageAt(`${origin}/${path}`, new Set(), timeoutMs), origin),
    expectTab: async (urlPrefix, action) => {
      const known = new Set(context.pages());
      await action();
      return shopTab(await newPageAt(urlPrefix, known));
    },
    tabId: async (tab) => {
      // The tab the user looks at: brought to the front, then asked from an extension page (made
      // first: a page made after would be the active tab, and its own id the answer).
      const asker = await toolbarPageOf();
      await driver.pageOf(tab).bringToFront();
      const id = await asker.evaluate(activeTabId);
      if (id === null) throw new Error('no active tab');
      return id;
    },
    toolbar: async (tab) => {
      const id = await driver.tabId(tab);
      const page = await toolbarPageOf();
      // As a popup opens over the page (and as the tests always did: a new tab in front).
      await page.bringToFront();
      try {
        return await readToolbar(chromiumExtensionPage(page, origin), id);
      } finally {
        await driver.pageOf(tab).bringToFront(); // and closes again
      }
    },
    pageOf: (tab) => {
      const page = tabs.get(tab);
      if (!page) throw new Error('not a tab of this driver');
      return page;
    },
    worker: async () => {
      // A worker the browser stopped leaves a stale handle behind: check it still answers.
      const answers = await Promise.race([current.evaluate(() => 1).catch(() => 0), new Promise<number>((r) => setTimeout(() => r(0), 2000))]);
      if (answers === 1) return current;
      const fresh = context.serviceWorkers().find((w) => w !== current && w.url().startsWith(`${origin}/`));
      if (fresh) return (current = fresh);
      // Wake it: opening an extension page starts the worker again.
      const waiting = context.waitForEvent('serviceworker', { timeout: 30_000 });
      const page = await driver.extensionPage('extension/options/options.html');
      current = await waiting;
      await page.close();
      return current;
    },
    stopServiceWorker: async () => {
      // The ServiceWorker domain of a page sees the workers of that page's origin: use one of ours.
      const own = await context.newPage();
      await own.goto(`${origin}/extension/options/options.html`);
      const cdp = await context.newCDPSession(own);
      let stopped = () => {};
      const seen = new Promise<void>((resolve) => (stopped = resolve));
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (e.versions.some((v) => v.scriptURL.startsWith(`${origin}/`) && v.runningStatus === 'stopped')) stopped();
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await within(seen, 10_000, 'the service worker did not stop');
      await cdp.detach();
      await own.close();
    },
    beginTest: async () => {
      consoleLines.length = 0;
      await context.tracing.startChunk();
    },
    endTest: async (dir) => {
      if (!dir) return void (await context.tracing.stopChunk());
      await mkdir(dir, { recursive: true });
      await context.tracing.stopChunk({ path: join(dir, 'trace.zip') });
      let i = 0;
      for (const page of context.pages()) {
        await page.screenshot({ path: join(dir, `page-${++i}.png`), timeout: 5000 }).catch(() => undefined);
      }
      await writeFile(join(dir, 'pages.txt'), context.pages().map((p, n) => `page-${n + 1}.png ${p.url()}`).join('\n') + '\n');
      await writeFile(join(dir, 'console.log'), consoleLines.join('\n') + '\n');
    },
    close: async () => {
      await context.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
  return driver;
}
