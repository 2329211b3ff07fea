import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../src/feed/signature';
import { BROWSERS, DIST, useDriver, type ExtensionDriver, type ExtensionPage } from './driver/all';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { PUBLIC_KEY } from './harness/feeds';
import { chineseOptions } from './harness/options-page';

const FIXTURES = new URL('../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const REPORTS = 'https://reports.example.org/v1/reports';
const TEAM = { 'zh-CN': '亮照卫士示例名单组', en: 'the Liangzhao example list team' };

/** A signed sample feed, built once for the file, and a feed server for it. */
let tmp = '';
let feeds: FeedServer | null = null;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lz-e2e-firstrun-'));
  const key = await parseFeedKey(KEY_FILE);
  await buildFeed({ ...key, out: join(tmp, 'feed'), blacklist: [new URL('blacklist.csv', FIXTURES).pathname], entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e 推荐名单', version: 1, now: new Date() });
  feeds = await startFeedServer(join(tmp, 'feed'));
});
afterAll(async () => {
  await feeds?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The page the extension opened by itself at install, in Chinese, the product's default (headless browsers report an English UI). */
async function firstRunPage(driver: ExtensionDriver): Promise<ExtensionPage> {
  // Generous: a busy machine takes a while to start the browser and the add-on.
  const page = await driver.waitForExtensionPage('extension/firstrun/firstrun.html', 60_000);
  await page.waitFor('[data-section="recommended"]');
  await (await chineseOptions(driver)).close();
  await page.reload();
  await page.waitFor('[data-section="recommended"]');
  return page;
}

async function shot(page: ExtensionPage, file: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewport(1100, 900);
  await page.screenshot({ path: join(SHOTS, file), fullPage: true });
}

/**
 * The page opened once at install, as the built extension ships (no recommended list: it says so and
 * points to checking on the official sites) and as a distributor configures it (a copy of the build
 * with its recommended-feeds.json edited, no code changed): one click subscribes, and the list shows
 * as loaded with its entries; the default report endpoint's organisation is named.
 */
describe.each(BROWSERS)('%s: the first-run page as shipped', (name) => {
  const driver = useDriver(name);

  it('opens at install, says what is and is not checked, and that no list is recommended', async () => {
    const page = await firstRunPage(driver());
    expect(await page.count('[data-state="no-recommended"]')).toBe(1);
    const text = await page.text('main');
    expect(text).toContain('此版本没有配置推荐名单');
    expect(text).toContain('到国家企业信用信息公示系统核实');
    expect(text).toContain('不把你浏览的页面、号码发送到任何服务器');
    expect(await page.count('[data-action="subscribe"]')).toBe(0);
    await shot(page, `firstrun-none-${name}.png`);
  });
});

describe.each(BROWSERS)('%s: the first-run page with a recommended feed', (name) => {
  let dist = '';
  beforeAll(() => {
    dist = mkdtempSync(join(tmp, `dist-${name}-`));
    cpSync(DIST[name], dist, { recursive: true });
    writeFileSync(
      join(dist, 'recommended-feeds.json'),
      JSON.stringify({
        feeds: [{ url: feeds!.manifestUrl, publicKey: PUBLIC_KEY, name: { 'zh-CN': '示例严重失信与经营异常名单', en: 'Example dishonesty and abnormal-operation list' }, holds: { 'zh-CN': '严重违法失信名单、经营异常名录、假冒网站域名，以及企业登记状态', en: 'serious dishonesty, abnormal operations, fake shop domains, and registration status' }, publisher: TEAM }],
        reportEndpoint: { url: REPORTS, organisation: TEAM },
      }),
    );
  });
  const driver = useDriver(name, { launch: () => ({ dist }) });

  it('one click subscribes, the list shows loaded with its entries; reports name their receiver', async () => {
    const page = await firstRunPage(driver());
    expect(await page.count('.lz-feed')).toBe(1);
    expect(await page.text('.lz-feed')).toContain('示例严重失信与经营异常名单');
    expect(await page.text('[data-section="report-endpoint"]')).toContain('亮照卫士示例名单组');
    await page.click('[data-action="subscribe"]');
    await page.waitFor('.lz-feed[data-status="ok"]', { timeoutMs: 30_000 });
    expect(await page.text('.lz-feed-status')).toMatch(/^已加载 \d+ 条，(刚刚|\d+ 分钟前)更新$/);
    expect(feeds!.requests).toContain('/feed/manifest.json');
    const endpoints = await page.send('getReportEndpoints', {});
    expect(endpoints.ok && endpoints.value.recipients).toEqual([{ url: REPORTS, organisation: { ...TEAM, 'zh-TW': '亮照卫士示例名单组' } }]);
    await shot(page, `firstrun-${name}.png`);
  });
});
