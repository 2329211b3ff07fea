import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../src/feed/signature';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { waitForFirefoxPanel } from './harness/firefox-panel';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';

const FIREFOX_DIST = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
const GECKO_ID = 'liangzhao-guard@liangzhao.example';
const FIXTURES = new URL('../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
const PUBLIC_KEY = (JSON.parse(KEY_FILE) as { publicKey: string }).publicKey;

/**
 * Firefox ESR with the built extension, lists end to end: a signed feed on a real HTTP server on
 * 127.0.0.1, synced by the extension's background script into its IndexedDB, and a listed shop.
 *
 * How the feed is configured: WebDriver BiDi cannot open moz-extension:// pages, so the test cannot
 * use the options page as the Chromium test does. It configures the feed the way an administrator
 * would, through the extension's managed storage (a managed-storage manifest in the HOME of the
 * Firefox it launches; src/lists/managed-feeds.ts): a real production path, out of reach of web pages.
 */
describe('Firefox ESR: signed feed lists in the background script', () => {
  let browser: Browser;
  let pages: FixtureServer;
  let feeds: FeedServer;
  let tmp: string;
  const dir = (v: string) => join(tmp, v);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-firefox-lists-'));
    const key = await parseFeedKey(KEY_FILE);
    const common = { ...key, entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e sample', now: new Date() };
    await buildFeed({ ...common, out: dir('v1'), blacklist: [new URL('blacklist.csv', FIXTURES).pathname], version: 1 });
    // v2: the signed payload altered (version bumped) without a new signature.
    cpSync(dir('v1'), dir('v2-tampered'), { recursive: true });
    const envelope = JSON.parse(readFileSync(join(dir('v2-tampered'), 'manifest.json'), 'utf8')) as { payload: string };
    envelope.payload = envelope.payload.replace('"version":1,', '"version":2,');
    writeFileSync(join(dir('v2-tampered'), 'manifest.json'), JSON.stringify(envelope));

    pages = await startFixtureServer();
    feeds = await startFeedServer(dir('v1'));
    // Firefox reads managed storage for an extension from ~/.mozilla/managed-storage/<id>.json.
    const home = dir('home');
    mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
    const managed = { name: GECKO_ID, description: 'e2e: the feed an administrator set up', type: 'storage', data: { feeds: [{ url: feeds.manifestUrl, publicKey: PUBLIC_KEY }] } };
    writeFileSync(join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify(managed));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: dir('profile'),
      env: { ...process.env, HOME: home },
    });
    expect(await browser.installExtension(FIREFOX_DIST)).toBe(GECKO_ID);
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await feeds?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('syncs the configured feed over HTTP: a listed shop gets the danger panel with the blacklisted finding', async () => {
    const page = await browser.newPage();
    await page.goto(pages.url('/e2e/blacklisted-shop.html'));
    // The first sync starts when the extension is installed; the page is reloaded until it is in.
    const panel = await waitForFirefoxPanel(browser, page, (p) => !!p?.findingCodes.includes('blacklisted'), { timeoutMs: 45_000, reloadMs: 3000 });
    expect(panel?.shadowMode).toBe('closed');
    expect(panel?.level).toBe('danger');
    expect(panel?.expanded).toBe(true);
    expect(panel?.findingCodes).toContain('blacklisted');
    expect(panel?.text).toContain('虚假宣传'); // the listing's reason, from the feed's details leaf
    // Synced over HTTP from the feed server, by hash-prefix file names only.
    expect(feeds.requests).toContain('/feed/manifest.json');
    expect(feeds.requests.some((p) => p.startsWith('/feed/blacklist/keys/'))).toBe(true);

    // A clean demo shop stays out of danger with the same list loaded.
    await page.goto(pages.url('/demo/clean-shop.html'));
    const clean = await waitForFirefoxPanel(browser, page, (p) => p !== null && p.level !== null);
    expect(clean?.findingCodes).not.toContain('blacklisted');
    expect(clean?.level).not.toBe('danger');
    await page.close();
  });

  it('a tampered manifest is refused and the last good list stays in use', async () => {
    feeds.serve(dir('v2-tampered'));
    const mark = feeds.requests.length;
    // Installing the same build again is an update: the extension checks its feeds then.
    expect(await browser.installExtension(FIREFOX_DIST)).toBe(GECKO_ID);
    await expect.poll(() => feeds.requests.slice(mark).includes('/feed/manifest.json'), { timeout: 30_000 }).toBe(true);

    const page = await browser.newPage();
    await page.goto(pages.url('/e2e/blacklisted-shop.html?after-tamper'));
    // The failed check makes the lists "not fully current" (a note), and the listing still stands.
    const panel = await waitForFirefoxPanel(browser, page, (p) => !!p?.findingCodes.includes('blacklisted') && p.statusCodes.includes('lists-stale'), { timeoutMs: 30_000, reloadMs: 3000 });
    expect(panel?.level).toBe('danger');
    expect(panel?.findingCodes).toContain('blacklisted');
    expect(panel?.statusCodes).toContain('lists-stale');
    expect(panel?.text).toMatch(/signature does not match/);
    // Nothing after the manifest was fetched: a refused manifest names no file worth downloading.
    expect(feeds.requests.slice(mark).filter((p) => p !== '/feed/manifest.json')).toEqual([]);
    await page.close();
  });
});
