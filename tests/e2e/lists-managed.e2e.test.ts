import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ExtensionDriver, type FirefoxDriver, type ShopTab } from './driver/all';
import { GECKO_ID } from './driver/firefox-driver';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { PUBLIC_KEY, buildFeeds, waitForFeed } from './harness/feeds';

/**
 * Firefox only: a feed an administrator set up through the extension's managed storage (a
 * managed-storage manifest under the HOME of the Firefox it launches; src/lists/managed-feeds.ts),
 * synced by the background script into its IndexedDB when the extension is installed. Chromium
 * reads managed storage only from machine-wide policy files, out of a test's reach.
 */
describe('firefox only: signed feed lists an administrator configured (managed storage)', () => {
  let tmp = '';
  const dir = (v: string) => join(tmp, v);
  let feeds: FeedServer | null = null;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-firefox-lists-'));
    await buildFeeds(tmp);
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  // A feed server and a HOME of its own for each test (the browser is launched after them).
  beforeEach(async () => {
    feeds = await startFeedServer(dir('v1'));
    const home = mkdtempSync(join(tmp, 'home-'));
    mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
    const managed = { name: GECKO_ID, description: 'e2e: the feed an administrator set up', type: 'storage', data: { feeds: [{ url: feeds.manifestUrl, publicKey: PUBLIC_KEY }] } };
    writeFileSync(join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify(managed));
    currentHome = home;
  });
  afterEach(async () => {
    await feeds?.close();
  });
  let currentHome = '';
  const pages = useFixtureServer();
  const driver = useDriver('firefox', { fresh: 'test', launch: () => ({ home: currentHome }) });

  /** Waits for the sync the install started, then opens the listed shop. */
  async function listedShop(d: ExtensionDriver, path = '/e2e/blacklisted-shop.html'): Promise<ShopTab> {
    const options = await d.extensionPage('extension/options/options.html');
    expect((await waitForFeed(options, (f) => f.status === 'ok', 45_000))?.version).toBe(1);
    await options.close();
    return d.openTab(pages().url(path));
  }

  it('syncs the configured feed over HTTP: a listed shop gets the danger panel with the blacklisted finding', async () => {
    const tab = await listedShop(driver());
    const panel = await waitForPanel(tab, (p) => !!p?.findingCodes.includes('blacklisted'));
    expect(panel?.shadowMode).toBe('closed');
    expect(panel?.level).toBe('danger');
    expect(panel?.expanded).toBe(true);
    expect(panel?.text).toContain('虚假宣传'); // the listing's reason, from the feed's details leaf
    // Synced over HTTP from the feed server, by hash-prefix file names only.
    expect(feeds!.requests).toContain('/feed/manifest.json');
    expect(feeds!.requests.some((p) => p.startsWith('/feed/blacklist/keys/'))).toBe(true);

    // A clean demo shop stays out of danger with the same list loaded.
    await tab.goto(pages().url('/demo/clean-shop.html'));
    const clean = await waitForToolbar(driver(), tab, (t) => t.level === 'ok');
    expect(clean.codes).not.toContain('blacklisted');
    expect(await tab.panel()).toBeNull(); // nothing found wrong: nothing on the page
  });

  it('a tampered manifest is refused on update and the last good list stays in use', async () => {
    // The listed shop's lookups (which fetch the list's leaves lazily) finish before the update.
    const first = await listedShop(driver());
    await waitForPanel(first, (p) => !!p?.findingCodes.includes('blacklisted'));
    await first.close();
    feeds!.serve(dir('v2-tampered'));
    const mark = feeds!.requests.length;
    const lastGood = new Set(feeds!.requests);
    // Installing the same build again is an update: the extension checks its feeds then.
    await (driver() as FirefoxDriver).reinstall();
    const options = await driver().extensionPage('extension/options/options.html');
    expect((await waitForFeed(options, (f) => f.status === 'error'))?.error?.code).toBe('signature');
    expect(feeds!.requests.slice(mark)).toContain('/feed/manifest.json');

    const tab = await driver().openTab(pages().url('/e2e/blacklisted-shop.html?after-tamper'));
    // The failed check makes the lists "not fully current" (a note), and the listing still stands.
    const panel = await waitForPanel(tab, (p) => !!p?.findingCodes.includes('blacklisted') && p.statusCodes.includes('lists-stale'));
    expect(panel?.level).toBe('danger');
    expect(panel?.statusCodes).toContain('lists-stale');
    expect(panel?.text).toMatch(/signature does not match/);
    // Nothing was synced after the refused manifest: no key shard; besides the manifest only the
    // shop's lookups may fetch again the leaves of the last good list they fetched before.
    const lookupLeaf = (p: string) => lastGood.has(p) && /\/(index|details|leaves)\//.test(p);
    expect(feeds!.requests.slice(mark).filter((p) => p !== '/feed/manifest.json' && !lookupLeaf(p))).toEqual([]);
  });
});
