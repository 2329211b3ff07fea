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
  const end = Date.now() + 20_000;
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
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-ff-firstrun-'));
    const key = await parseFeedKey(KEY_FILE);
    await buildFeed({ ...key, out: join(tmp, 'feed'), blacklist: [new URL('blacklist.csv', FIXTURES).pathname], entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e', version: 1, now: new Date() });
    feeds = await startFeedServer(join(tmp, 'feed'));
  });
  afterAll(async () => {
    await feeds?.close();
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
});
