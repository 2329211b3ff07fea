import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../src/feed/signature';
import { CHROME_DIST, launchChromium, type LoadedChromium } from './harness/chromium-extension';
import { startFeedServer, type FeedServer } from './harness/feed-server';

const FIXTURES = new URL('../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
const PUBLIC_KEY = (JSON.parse(KEY_FILE) as { publicKey: string }).publicKey;
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url);

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

/** The tab the extension opened by itself at install. */
async function firstRunPage(ext: LoadedChromium): Promise<Page> {
  const url = `chrome-extension://${ext.extensionId}/extension/firstrun/firstrun.html`;
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    const page = ext.context.pages().find((p) => p.url() === url);
    if (page) {
      await page.waitForSelector('[data-section="recommended"]');
      return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the first-run page did not open');
}

/** Chinese, the product's default, for the screenshots (headless Chromium reports an English UI). */
async function inChinese(page: Page): Promise<void> {
  const settings = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getSettings', payload: {} }))) as { value: Record<string, unknown> };
  await page.evaluate((s) => chrome.runtime.sendMessage({ type: 'saveSettings', payload: { settings: { ...s, language: 'zh-CN' } } }), settings.value);
  await page.reload();
  await page.waitForSelector('[data-section="recommended"]');
}

/**
 * The page opened once at install, as the built extension ships (no recommended list: it says so and
 * points to checking on the official sites) and as a distributor configures it (a copy of the build
 * with its public/recommended-feeds.json edited, no code changed): one click subscribes, and the list
 * shows as loaded with its entries; the default report endpoint's organisation is named.
 */
describe('Chromium: the first-run page', () => {
  let tmp: string;
  let feeds: FeedServer;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-firstrun-'));
    const key = await parseFeedKey(KEY_FILE);
    await buildFeed({ ...key, out: join(tmp, 'feed'), blacklist: [new URL('blacklist.csv', FIXTURES).pathname], entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e 推荐名单', version: 1, now: new Date() });
    feeds = await startFeedServer(join(tmp, 'feed'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await feeds?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('as shipped: opens at install, says what is and is not checked, and that no list is recommended', async () => {
    const ext = await launchChromium();
    try {
      const page = await firstRunPage(ext);
      await inChinese(page);
      expect(await page.locator('[data-state="no-recommended"]').count()).toBe(1);
      const text = await page.innerText('main');
      expect(text).toContain('此版本没有配置推荐名单');
      expect(text).toContain('到国家企业信用信息公示系统核实');
      expect(text).toContain('不把你浏览的页面、号码发送到任何服务器');
      expect(await page.locator('[data-action="subscribe"]').count()).toBe(0);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.screenshot({ path: new URL('firstrun-none-chromium.png', SCREENSHOTS).pathname, fullPage: true });
    } finally {
      await ext.close();
    }
  });

  it('with a recommended feed: one click subscribes, the list shows loaded with its entries; reports name their receiver', async () => {
    const dist = join(tmp, 'dist');
    cpSync(CHROME_DIST, dist, { recursive: true });
    const reportUrl = 'https://reports.example.org/v1/reports';
    writeFileSync(
      join(dist, 'recommended-feeds.json'),
      JSON.stringify({
        feeds: [{ url: feeds.manifestUrl, publicKey: PUBLIC_KEY, name: { 'zh-CN': '示例严重失信与经营异常名单', en: 'Example dishonesty and abnormal-operation list' }, holds: { 'zh-CN': '严重违法失信名单、经营异常名录、假冒网站域名，以及企业登记状态', en: 'serious dishonesty, abnormal operations, fake shop domains, and registration status' }, publisher: { 'zh-CN': '亮照卫士示例名单组', en: 'the Liangzhao example list team' } }],
        reportEndpoint: { url: reportUrl, organisation: { 'zh-CN': '亮照卫士示例名单组', en: 'the Liangzhao example list team' } },
      }),
    );
    const ext = await launchChromium({ dist });
    try {
      const page = await firstRunPage(ext);
      await inChinese(page);
      const row = page.locator('.lz-feed');
      expect(await row.count()).toBe(1);
      expect(await row.innerText()).toContain('示例严重失信与经营异常名单');
      expect(await page.innerText('[data-section="report-endpoint"]')).toContain('亮照卫士示例名单组');
      await page.locator('[data-action="subscribe"]').click();
      await page.waitForSelector('.lz-feed[data-status="ok"]', { timeout: 30_000 });
      const status = await page.innerText('.lz-feed-status');
      expect(status).toMatch(/^已加载 \d+ 条，(刚刚|\d+ 分钟前)更新$/);
      expect(feeds.requests).toContain('/feed/manifest.json');
      const endpoints = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getReportEndpoints', payload: {} }))) as { value: { recipients: { url: string; organisation: Record<string, string> | null }[] } };
      expect(endpoints.value.recipients).toEqual([{ url: reportUrl, organisation: { 'zh-CN': '亮照卫士示例名单组', 'zh-TW': '亮照卫士示例名单组', en: 'the Liangzhao example list team' } }]);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.screenshot({ path: new URL('firstrun-chromium.png', SCREENSHOTS).pathname, fullPage: true });
    } finally {
      await ext.close();
    }
  });
});
