import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer } from '../harness/fixture-server';
import { clickFirefoxNode, readFirefoxPanel } from './firefox-panel';
import { firefoxExtensionPage, newPageAt } from './firefox-pages';
import { findInPanel } from './panel-view';
import { poll } from './poll';

/**
 * The first extension page, opened as a user would: the danger panel's "report this shop" button on
 * a spoofed-badge page opens the report form. Its draft is deleted; the page becomes the driver's
 * toolbar page (popup.html), from which every other extension page is opened.
 */
export async function firstExtensionPage(browser: Browser): Promise<{ page: Page; origin: string }> {
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
    const ext = firefoxExtensionPage(page, origin);
    if (draft) await ext.send('deleteReportDraft', { id: draft });
    await ext.open('extension/popup/popup.html');
    return { page, origin };
  } finally {
    await shop.close();
    await server.close();
  }
}
