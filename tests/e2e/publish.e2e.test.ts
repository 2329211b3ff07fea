import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, DIST, useDriver, useFixtureServer, waitForPanel } from './driver/all';
import { PUBLIC_KEY, waitForFeed } from './harness/feeds';
import { EXPORTS, FEED_NAME, LISTED_SHOP, buildCli, publishFeed } from './harness/publish';
import { startStaticHost, type StaticHost } from './harness/static-host';

/**
 * From a regulator's export to the shopper's warning: the publish pipeline (scripts/publish-feed.sh)
 * imports the XLSX and GBK CSV fixtures, builds, verifies and publishes onto a plain static host that
 * sends only what the published `_headers` asks for; the extension subscribes to it (from the options
 * or, recommended, at first run) and syncs; a listed shop is warned.
 *
 * The pipeline runs twice for the file: version 1 (the XLSX), then a next run on top of it (the GBK
 * CSV added: a delta). Each scenario serves a copy of what it needs.
 */
let work = '';
const v1 = () => join(work, 'v1');
const v2 = () => join(work, 'v2');
let firstLog = '';
let nextLog = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lz-e2e-publish-'));
  buildCli();
  firstLog = publishFeed(v1(), [EXPORTS.xlsx]);
  cpSync(v1(), v2(), { recursive: true });
  nextLog = publishFeed(v2(), [EXPORTS.xlsx, EXPORTS.gbkCsv]);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A static host over a copy of version 1, for the enclosing describe. */
function useSite(): { dir: () => string; host: () => StaticHost } {
  let dir = '';
  let host: StaticHost | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(join(work, 'site-'));
    cpSync(v1(), dir, { recursive: true });
    host = await startStaticHost(dir);
  });
  afterAll(async () => {
    await host?.close();
  });
  return { dir: () => dir, host: () => host! };
}

// No browser: what the pipeline writes and how the static host serves it.
describe('the publish workflow onto a static host', () => {
  const site = useSite();

  it('publishes: a signed feed with the imported rows, served with the documented headers', async () => {
    expect(firstLog).toContain('3 record(s)');
    expect(firstLog).toContain('OK: signature and every file verified');
    const manifest = await fetch(`${site.host().url}/manifest.json`);
    expect(manifest.headers.get('access-control-allow-origin')).toBe('*');
    expect(manifest.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const shard = readdirSync(join(site.dir(), 'blacklist/keys'))[0]!;
    const file = await fetch(`${site.host().url}/blacklist/keys/${shard}`);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('the next run adds the GBK export on top of the published version (a delta)', () => {
    expect(nextLog).toContain('5 record(s)');
    expect(nextLog).toMatch(/1 delta/);
  });
});

describe.each(BROWSERS)('%s: the extension syncing from a feed the workflow published', (name) => {
  const site = useSite();
  const shops = useFixtureServer({ '/listed.html': () => LISTED_SHOP });
  // One story in order: subscribed to version 1, then the next run's files arrive on the host.
  const driver = useDriver(name);

  it("subscribes and syncs from the static host; a listed shop is warned with the list's words", async () => {
    const options = await driver().extensionPage('extension/options/options.html');
    const subscribed = await options.send('subscribeFeed', { url: `${site.host().url}/manifest.json`, publicKey: PUBLIC_KEY });
    expect(subscribed.ok, subscribed.ok ? '' : subscribed.error).toBe(true);
    expect((await waitForFeed(options, (f) => f.counts.blacklist === 3))?.counts.blacklist).toBe(3);
    await options.close();
    const tab = await driver().openTab(shops().url('/listed.html'));
    const panel = await waitForPanel(tab, (p) => !!p?.findingCodes.includes('abnormal-operation'));
    expect(panel?.level).toBe('warning');
    expect(panel?.text).toContain('未按照规定期限公示年度报告的');
  });

  it("the next run's files on the host (a delta on top of version 1): the extension picks them up", async () => {
    cpSync(v2(), site.dir(), { recursive: true });
    const options = await driver().extensionPage('extension/options/options.html');
    expect((await options.send('syncFeeds', {})).ok).toBe(true);
    expect((await waitForFeed(options, (f) => f.counts.blacklist === 5))?.counts.blacklist).toBe(5);
    expect(site.host().requests.some((r) => r.startsWith('GET /blacklist/deltas/'))).toBe(true);
    await options.close();
  });
});

describe.each(BROWSERS)('%s: a feed the workflow published, recommended at first run', (name) => {
  const site = useSite();
  const shops = useFixtureServer({ '/listed.html': () => LISTED_SHOP });
  // A copy of the build whose recommended-feeds.json names the published feed (no code changed).
  let dist = '';
  beforeAll(() => {
    dist = mkdtempSync(join(work, `dist-${name}-`));
    cpSync(DIST[name], dist, { recursive: true });
    // The short form: plain strings rather than one text per language.
    writeFileSync(join(dist, 'recommended-feeds.json'), JSON.stringify({ feeds: [{ url: `${site.host().url}/manifest.json`, publicKey: PUBLIC_KEY, name: FEED_NAME, holds: '经营异常名录', publisher: '测试' }] }));
  });
  const driver = useDriver(name, { launch: () => ({ dist }) });

  it('subscribed from the first-run page, synced, a listed shop warned', async () => {
    const page = await driver().waitForExtensionPage('extension/firstrun/firstrun.html', 60_000);
    await page.waitFor('[data-section="recommended"]');
    expect(await page.text('.lz-feed')).toContain(FEED_NAME);
    await page.click('[data-action="subscribe"]');
    await page.waitFor('.lz-feed[data-status="ok"]', { timeoutMs: 30_000 });
    const tab = await driver().openTab(shops().url('/listed.html'));
    const panel = await waitForPanel(tab, (p) => !!p?.findingCodes.includes('abnormal-operation'));
    expect(panel?.level).toBe('warning');
    expect(panel?.text).toContain('未按照规定期限公示年度报告的');
    expect(site.host().requests.some((r) => r.startsWith('GET /blacklist/keys/'))).toBe(true);
  });
});
