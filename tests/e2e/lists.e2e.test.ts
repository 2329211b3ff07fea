import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ChromiumDriver, type ExtensionPage } from './driver/all';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { LISTED, PUBLIC_KEY, buildFeeds, waitForFeed } from './harness/feeds';
import { chineseOptions } from './harness/options-page';

/** The sample feed's versions, built once for the file (read only). */
let tmp = '';
const dir = (v: string) => join(tmp, v);
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lz-e2e-lists-'));
  await buildFeeds(tmp, { v3: true });
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A feed server of its own for each test, serving v1 (so no test sees another's requests or state). */
function useFeedServer(): () => FeedServer {
  let feeds: FeedServer | null = null;
  beforeEach(async () => {
    feeds = await startFeedServer(dir('v1'));
  });
  afterEach(async () => {
    await feeds?.close();
    feeds = null;
  });
  return () => feeds!;
}

/** Subscribes from the options page's form, as a user does, and waits until version 1 is in. */
async function subscribeInOptions(options: ExtensionPage, feeds: FeedServer): Promise<void> {
  await options.waitFor('[data-section="feeds"]');
  await options.fill('input[name="feedUrl"]', feeds.manifestUrl);
  await options.fill('input[name="feedKey"]', PUBLIC_KEY);
  await options.click('.lz-feed-form button[type="submit"]');
  await options.waitFor('[data-feed][data-status="ok"]', { timeoutMs: 30_000 });
}

describe.each(BROWSERS)('%s: signed feed lists in the background', (name) => {
  const pages = useFixtureServer();
  const feeds = useFeedServer();
  // Each test subscribes (or not) on a fresh profile.
  const driver = useDriver(name, { fresh: 'test' });

  it('without a list: the verdict says "not checked" as a note, not an alarm; bad subscriptions are refused', async () => {
    const options = await chineseOptions(driver());
    // The feeds section says so once it has asked for the feeds.
    await options.waitFor('[data-empty="feeds"]');
    expect(await options.text('[data-empty="feeds"]')).toContain('尚未订阅数据源');
    const tab = await driver().openTab(pages().url('/e2e/blacklisted-shop.html'));
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.statusCodes.includes('lists-unavailable'));
    expect(toolbar.level).toBe('ok');
    expect(toolbar.statusCodes).toEqual(['lists-unavailable']);
    expect(toolbar.codes).toEqual([]); // a note, not a finding card

    const ftp = await options.send('subscribeFeed', { url: 'ftp://127.0.0.1/feed/manifest.json', publicKey: PUBLIC_KEY });
    expect(ftp.ok).toBe(false);
    expect(!ftp.ok && ftp.error).toMatch(/http/);
    const badKey = await options.send('subscribeFeed', { url: feeds().manifestUrl, publicKey: 'AAAA' });
    expect(badKey.ok).toBe(false);
    expect(!badKey.ok && badKey.error).toMatch(/32 bytes/);
    const status = await options.send('getSyncStatus', {});
    expect(status.ok && status.value).toEqual([]);
  });

  it('subscribed from the options page, synced over HTTP: a listed shop is danger in panel, badge and popup', async () => {
    const options = await chineseOptions(driver());
    await subscribeInOptions(options, feeds());
    const row = await options.text('[data-feed]');
    expect(row).toContain('e2e sample');
    expect(row).toMatch(/版本：1/);
    expect(row).toMatch(/黑名单 8 条，企业信用 9 家/);

    const tab = await driver().openTab(pages().url('/e2e/blacklisted-shop.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.expanded).toBe(true);
    expect(panel?.findingCodes).toContain('blacklisted');
    expect(panel?.text).toContain('严重违法失信名单');
    expect(panel?.text).toContain('虚假宣传'); // the listing's reason, from the feed's details leaf
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === 'danger');
    expect(toolbar.codes).toContain('blacklisted');
    expect(toolbar.badge.text).toBe('!');
    expect(toolbar.text).toContain('严重违法失信名单');

    // Credit cache: the registered name differs from the one the page shows → name-mismatch.
    const borrowed = await driver().openTab(pages().url('/demo/borrowed-license.html'));
    expect((await waitForToolbar(driver(), borrowed, (t) => t.codes.includes('name-mismatch'))).codes).toContain('name-mismatch');

    // Privacy: the feed server saw hash-prefix file names only, never an identifier or a page, and
    // the whole domain file of the scam-site list (for the browser's blocking rules, after the sync).
    expect(feeds().requests.length).toBeGreaterThan(1);
    for (const path of feeds().requests) {
      expect(path).toMatch(/^\/feed\/(manifest\.json|(blacklist|entities)\/[a-z]+\/[0-9a-f-]+\.(bin|json)|lists\/fraud-domain-domains-[0-9a-f]+\.json)$/);
      expect(path).not.toContain(LISTED);
    }
  });

  it('a tampered manifest is refused: the status says why and the last good list stays in use', async () => {
    const options = await chineseOptions(driver());
    await subscribeInOptions(options, feeds());
    feeds().serve(dir('v2-tampered'));
    const mark = feeds().requests.length;
    expect((await options.send('syncFeeds', {})).ok).toBe(true);
    const failed = await waitForFeed(options, (f) => f.status === 'error');
    expect(failed?.error?.code).toBe('signature');
    expect(failed?.version).toBe(1);
    await options.waitFor('[data-feed] [data-error="signature"]', { timeoutMs: 10_000 });
    expect(await options.text('[data-feed] [data-error]')).toMatch(/签名不符.*版本 1/);
    // Nothing after the manifest was fetched: a refused manifest names no file worth downloading.
    expect(feeds().requests.slice(mark).filter((p) => p !== '/feed/manifest.json')).toEqual([]);

    const tab = await driver().openTab(pages().url('/e2e/blacklisted-shop.html?after-tamper'));
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === 'danger');
    expect(toolbar.codes).toContain('blacklisted');
    // The failed sync makes the lists "not fully current": said as a note next to the finding.
    expect(toolbar.statusCodes).toContain('lists-stale');
    const panel = await waitForPanel(tab, (p) => !!p?.statusCodes.includes('lists-stale'));
    expect(panel?.findingCodes).toContain('blacklisted');
  });
});

// Chromium only: a service worker killed mid-import is Chrome's (CDP stops it as the browser does);
// Firefox runs the background as a page.
describe('chromium only: a list import interrupted by the browser', () => {
  const pages = useFixtureServer();
  const feeds = useFeedServer();
  const driver = useDriver('chromium', { fresh: 'test' });

  it('a worker killed mid-import resumes where it stopped; lookups see the old list until the switch, then the new', async () => {
    const options = await chineseOptions(driver());
    await subscribeInOptions(options, feeds());
    feeds().serve(dir('v3'));
    feeds().shardDelayMs = 120;
    const before = feeds().requests.length;
    expect((await options.send('syncFeeds', {})).ok).toBe(true);
    const midway = await waitForFeed(options, (f) => (f.progress?.done ?? 0) >= 8);
    expect(midway?.progress).toMatchObject({ version: 3, total: 64 });
    expect(midway!.progress!.done).toBeLessThan(64);

    // Stop the worker the way the browser does when it kills it (and park the server so the resumed
    // import cannot finish before we have looked).
    feeds().hold();
    await (driver() as ChromiumDriver).stopServiceWorker();
    const stopped = await waitForFeed(options, () => true); // wakes the worker again
    expect(stopped?.version).toBe(1);
    expect(stopped?.progress?.version).toBe(3);

    // Mid-import, a lookup answers from version 1 (complete), not from a half-imported version 3.
    const tab = await driver().openTab(pages().url('/e2e/newly-listed-shop.html'));
    const old = await waitForToolbar(driver(), tab, (t) => t.seen);
    expect(old.codes).not.toContain('blacklisted');
    expect(old.level).not.toBe('danger');
    expect((await waitForFeed(options, () => true))?.version).toBe(1);

    feeds().release();
    feeds().shardDelayMs = 0;
    const done = await waitForFeed(options, (f) => f.version === 3 && f.status === 'ok', 60_000);
    expect(done?.version).toBe(3);
    expect(done?.progress).toBeNull();
    expect(done?.counts.blacklist).toBe(8 + 3001);
    // Resumed, not restarted: shards stored before the kill were not downloaded again.
    const shardGets = feeds().requests.slice(before).filter((p) => p.startsWith('/feed/blacklist/keys/'));
    expect(new Set(shardGets).size).toBe(64);
    expect(shardGets.length).toBeLessThan(64 + 8);

    await tab.reload();
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).codes).toContain('blacklisted');
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.text).toContain('新近列入');
  });
});
