import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../src/feed/signature';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { waitForFirefoxPanel } from './harness/firefox-panel';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { startStaticHost, type StaticHost } from './harness/static-host';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const GECKO_ID = 'liangzhao-guard@liangzhao.example';
const FIREFOX_DIST = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
const FIXTURES = new URL('../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
const PUBLIC_KEY = (JSON.parse(KEY_FILE) as { publicKey: string }).publicKey;

/** Firefox ESR with an XPI of `dist` installed to stay (in the profile), as a user's would be. */
async function launchWith(tmp: string, dist: string, name: string): Promise<Browser> {
  const profile = join(tmp, `profile-${name}`);
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  const xpi = join(tmp, `${name}.xpi`);
  execFileSync('zip', ['-qrX', xpi, '.'], { cwd: dist });
  copyFileSync(xpi, join(profile, 'extensions', `${GECKO_ID}.xpi`));
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15, 'intl.locale.requested': 'zh-CN' },
  });
}

async function firstRunPage(browser: Browser): Promise<Page> {
  // Generous: a busy machine takes a while to start Firefox and install the add-on from the profile.
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const page = (await browser.pages()).find((p) => /^moz-extension:\/\/[^/]+\/extension\/firstrun\/firstrun\.html$/.test(p.url()));
    if (page) {
      await page.waitForSelector('[data-section="recommended"]');
      return page;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the first-run page did not open');
}

describe('Firefox ESR: the first-run page', () => {
  let tmp: string;
  let feeds: FeedServer;
  let site: StaticHost;
  let shops: FixtureServer;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-ff-firstrun-'));
    const key = await parseFeedKey(KEY_FILE);
    await buildFeed({ ...key, out: join(tmp, 'feed'), blacklist: [new URL('blacklist.csv', FIXTURES).pathname], entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e', version: 1, now: new Date() });
    feeds = await startFeedServer(join(tmp, 'feed'));
    // The list keeper's pipeline (as the scheduled workflow runs it) publishes onto a plain static host.
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    execFileSync('bash', [join(ROOT, 'scripts/publish-feed.sh')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, FEED_SOURCES: join(ROOT, 'tests/fixtures/import/abnormal-2025q3.xlsx'), FEED_LIST: 'abnormal-operation', FEED_KEY_FILE: new URL('test-key.json', FIXTURES).pathname, FEED_PUBLIC_KEY: PUBLIC_KEY, FEED_SITE: join(tmp, 'site'), FEED_NAME: '杭州经营异常名录（测试）', LIANGZHAO: `node ${join(ROOT, 'bin/liangzhao.mjs')}` },
    });
    site = await startStaticHost(join(tmp, 'site'));
    shops = await startFixtureServer({
      '/listed.html': () => '<!doctype html><html><head><meta charset="utf-8"><title>云栖优选</title></head><body><h1>云栖优选旗舰店</h1><p>￥199 <button>立即购买</button></p><footer>企业名称：杭州云栖优选电子商务有限公司 统一社会信用代码：91330108MA27XK3C8E</footer></body></html>',
    });
  });
  afterAll(async () => {
    await feeds?.close();
    await site?.close();
    await shops?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('as shipped: opens at install and says no list is recommended, pointing to the official sites', async () => {
    const browser = await launchWith(tmp, FIREFOX_DIST, 'shipped');
    try {
      const page = await firstRunPage(browser);
      expect(await page.$('[data-state="no-recommended"]')).not.toBeNull();
      expect(await page.$('[data-action="subscribe"]')).toBeNull();
    } finally {
      await browser.close();
    }
  });

  it('with a recommended feed: one click subscribes and the list shows loaded', async () => {
    const dist = join(tmp, 'dist');
    cpSync(FIREFOX_DIST, dist, { recursive: true });
    writeFileSync(join(dist, 'recommended-feeds.json'), JSON.stringify({ feeds: [{ url: feeds.manifestUrl, publicKey: PUBLIC_KEY, name: '示例名单', holds: '严重违法失信名单与经营异常名录', publisher: '亮照卫士示例名单组' }] }));
    const browser = await launchWith(tmp, dist, 'configured');
    try {
      const page = await firstRunPage(browser);
      expect(await page.$eval('.lz-feed', (e) => (e as HTMLElement).innerText)).toContain('示例名单');
      await page.click('[data-action="subscribe"]');
      await page.waitForSelector('.lz-feed[data-status="ok"]', { timeout: 30_000 });
      expect(await page.$eval('.lz-feed-status', (e) => (e as HTMLElement).innerText)).toMatch(/\d+/);
      expect(feeds.requests).toContain('/feed/manifest.json');
    } finally {
      await browser.close();
    }
  });

  it('a feed published by the workflow onto a static host: subscribed at first run, synced, a listed shop warned', async () => {
    const dist = join(tmp, 'dist-published');
    cpSync(FIREFOX_DIST, dist, { recursive: true });
    writeFileSync(join(dist, 'recommended-feeds.json'), JSON.stringify({ feeds: [{ url: `${site.url}/manifest.json`, publicKey: PUBLIC_KEY, name: '杭州经营异常名录（测试）', holds: '经营异常名录', publisher: '测试' }] }));
    const browser = await launchWith(tmp, dist, 'published');
    try {
      const page = await firstRunPage(browser);
      await page.click('[data-action="subscribe"]');
      await page.waitForSelector('.lz-feed[data-status="ok"]', { timeout: 30_000 });
      const shop = await browser.newPage();
      await shop.goto(shops.url('/listed.html'));
      const panel = await waitForFirefoxPanel(browser, shop, (p) => !!p?.findingCodes.includes('abnormal-operation'), { timeoutMs: 20_000, reloadMs: 4000 });
      expect(panel?.level).toBe('warning');
      expect(panel?.text).toContain('未按照规定期限公示年度报告的');
      expect(site.requests.some((r) => r.startsWith('GET /blacklist/keys/'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
