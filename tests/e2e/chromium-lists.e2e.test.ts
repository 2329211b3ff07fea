import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../src/feed/signature';
import type { FeedSyncStatus } from '../../src/lists/lists-status';
import { launchChromium, popupLevel, toolbarBadge, type LoadedChromium } from './harness/chromium-extension';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { waitForPanel } from './harness/panel-probe';

const FIXTURES = new URL('../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
const PUBLIC_KEY = (JSON.parse(KEY_FILE) as { publicKey: string }).publicKey;
const LISTED = '91440300MA5F8K2Q1M'; // 严重违法失信名单 in the sample feed
const NEWLY_LISTED = '91330106MA2H3P7L4H'; // listed only from version 3 on

/** A USCC-shaped id (the feed checks the format, not check characters). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const fakeId = (n: number) => {
  let s = '';
  for (let i = 0, x = n * 7919 + 104729; i < 16; i++, x = Math.floor(x / 31) + i * 131) s += ALPHABET[x % 31];
  return '91' + s;
};

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: { session: { get(k: null): Promise<Record<string, { url: string; result: { verdict: { level: string; findings: { code: string }[] } } | null }>> } };
};

/** The stored verdict of a URL with every finding code, info notes included; polls until `ok`. */
async function verdictOf(ext: LoadedChromium, url: string, ok: (v: { level: string; codes: string[] }) => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last: { tabId: number; level: string; codes: string[] } | null = null;
  while (Date.now() < end) {
    const w = await ext.worker();
    last = await w.evaluate(async (u) => {
      for (const [k, v] of Object.entries(await chrome.storage.session.get(null))) {
        if (k.startsWith('tab:') && v.url === u && v.result) return { tabId: Number(k.slice(4)), level: v.result.verdict.level, codes: v.result.verdict.findings.map((f) => f.code) };
      }
      return null;
    }, url);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/** Sends a privileged message from an extension page (the options page), as the UI does. */
async function ask<T>(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return page.evaluate(({ type, payload }) => chrome.runtime.sendMessage({ type, payload }), { type, payload }) as Promise<{ ok: boolean; value?: T; error?: string }>;
}

async function waitForFeed(page: Page, ok: (f: FeedSyncStatus) => boolean, timeoutMs = 30_000): Promise<FeedSyncStatus | undefined> {
  const end = Date.now() + timeoutMs;
  let last: FeedSyncStatus | undefined;
  while (Date.now() < end) {
    const r = await ask<FeedSyncStatus[]>(page, 'getSyncStatus', {}).catch(() => null);
    last = r?.value?.[0];
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe('Chromium: signed feed lists in the service worker', () => {
  let ext: LoadedChromium;
  let pages: FixtureServer;
  let feeds: FeedServer;
  let tmp: string;
  let options: Page;
  const dir = (v: string) => join(tmp, v);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-e2e-lists-'));
    const key = await parseFeedKey(KEY_FILE);
    const csv = readFileSync(new URL('blacklist.csv', FIXTURES), 'utf8');
    const entities = [new URL('entities.csv', FIXTURES).pathname];
    writeFileSync(join(tmp, 'v1.csv'), csv);
    const common = { ...key, entities, name: 'e2e sample', now: new Date() };
    await buildFeed({ ...common, out: dir('v1'), blacklist: [join(tmp, 'v1.csv')], version: 1 });
    // v2: the signed payload altered (version bumped) without a new signature.
    cpSync(dir('v1'), dir('v2-tampered'), { recursive: true });
    const envelope = JSON.parse(readFileSync(join(dir('v2-tampered'), 'manifest.json'), 'utf8')) as { payload: string };
    envelope.payload = envelope.payload.replace('"version":1,', '"version":2,');
    writeFileSync(join(dir('v2-tampered'), 'manifest.json'), JSON.stringify(envelope));
    // v3: 64 shards, each different (so each is downloaded), plus a newly listed company.
    const rows = Array.from({ length: 3000 }, (_, i) => `${fakeId(i)},uscc,court-dishonest,企业${i},原因,法院,2024-01-01,`);
    rows.push(`${NEWLY_LISTED},uscc,serious-dishonest,杭州瑞丰机械设备有限公司,新近列入,杭州市市场监督管理局,2025-01-02,`);
    writeFileSync(join(tmp, 'v3.csv'), csv.trimEnd() + '\n' + rows.join('\n') + '\n');
    await buildFeed({ ...common, out: dir('v3'), blacklist: [join(tmp, 'v3.csv')], version: 3, shardBits: 6 });

    pages = await startFixtureServer();
    feeds = await startFeedServer(dir('v1'));
    ext = await launchChromium();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    // Headless Chromium's UI language is always en-US: choose zh-CN as a user would.
    const saved = await ask(options, 'saveSettings', { settings: { version: 1, language: 'zh-CN', panelOpens: 'warnings', allowlist: [] } });
    expect(saved.ok).toBe(true);
    await options.reload();
    await options.waitForSelector('[data-section="feeds"]');
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.close();
    await feeds?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('without a list: the verdict says "not checked" as a note, not an alarm; bad subscriptions are refused', async () => {
    expect(await options.textContent('[data-empty="feeds"]')).toBeTruthy();
    const url = pages.url('/e2e/blacklisted-shop.html');
    const page = await ext.context.newPage();
    await page.goto(url);
    const verdict = await verdictOf(ext, url, (v) => v.codes.includes('lists-unavailable'));
    expect(verdict?.level).toBe('ok');
    expect(verdict?.codes).toEqual(['lists-unavailable']);
    const popup = await popupLevel(ext, verdict!.tabId);
    expect(popup.level).toBe('ok');
    expect(await popup.page.locator('[data-status="lists-unavailable"]').count()).toBe(1);
    expect(await popup.page.locator('[data-code="lists-unavailable"]').count()).toBe(0);
    await popup.page.close();
    await page.close();

    const ftp = await ask(options, 'subscribeFeed', { url: 'ftp://127.0.0.1/feed/manifest.json', publicKey: PUBLIC_KEY });
    expect(ftp.ok).toBe(false);
    expect(ftp.error).toMatch(/http/);
    const badKey = await ask(options, 'subscribeFeed', { url: feeds.manifestUrl, publicKey: 'AAAA' });
    expect(badKey.ok).toBe(false);
    expect(badKey.error).toMatch(/32 bytes/);
    expect((await ask<FeedSyncStatus[]>(options, 'getSyncStatus', {})).value).toEqual([]);
  });

  it('subscribed from the options page, synced over HTTP: a listed shop is danger in panel, badge and popup', async () => {
    await options.fill('input[name="feedUrl"]', feeds.manifestUrl);
    await options.fill('input[name="feedKey"]', PUBLIC_KEY);
    await options.click('.lz-feed-form button[type="submit"]');
    await options.waitForSelector('[data-feed][data-status="ok"]', { timeout: 30_000 });
    const row = await options.textContent('[data-feed]');
    expect(row).toContain('e2e sample');
    expect(row).toMatch(/版本：1/);
    expect(row).toMatch(/黑名单 8 条，企业信用 9 家/);

    const url = pages.url('/e2e/blacklisted-shop.html');
    const page = await ext.context.newPage();
    await page.goto(url);
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.level).toBe('danger');
    expect(panel?.expanded).toBe(true);
    expect(panel?.findingCodes).toContain('blacklisted');
    expect(panel?.text).toContain('严重违法失信名单');
    expect(panel?.text).toContain('虚假宣传');
    const verdict = await verdictOf(ext, url, (v) => v.level === 'danger');
    expect(verdict?.codes).toContain('blacklisted');
    expect((await toolbarBadge(ext, verdict!.tabId)).text).toBe('!');
    const popup = await popupLevel(ext, verdict!.tabId);
    expect(popup.level).toBe('danger');
    expect(popup.text).toContain('严重违法失信名单');
    await popup.page.close();
    await page.close();

    // Credit cache: the registered name differs from the one the page shows → name-mismatch.
    const borrowed = pages.url('/demo/borrowed-license.html');
    const page2 = await ext.context.newPage();
    await page2.goto(borrowed);
    const v2 = await verdictOf(ext, borrowed, (v) => v.codes.includes('name-mismatch'));
    expect(v2?.codes).toContain('name-mismatch');
    await page2.close();

    // Privacy: the feed server saw hash-prefix file names only, never an identifier or a page.
    expect(feeds.requests.length).toBeGreaterThan(1);
    for (const path of feeds.requests) {
      expect(path).toMatch(/^\/feed\/(manifest\.json|(blacklist|entities)\/[a-z]+\/[0-9a-f-]+\.(bin|json))$/);
      expect(path).not.toContain(LISTED);
    }
  });

  it('a tampered manifest is refused: the status says why and the last good list stays in use', async () => {
    feeds.serve(dir('v2-tampered'));
    expect((await ask(options, 'syncFeeds', {})).ok).toBe(true);
    const failed = await waitForFeed(options, (f) => f.status === 'error');
    expect(failed?.error?.code).toBe('signature');
    expect(failed?.version).toBe(1);
    await options.waitForSelector('[data-feed] [data-error="signature"]', { timeout: 10_000 });
    expect(await options.textContent('[data-feed] [data-error]')).toMatch(/签名不符.*版本 1/);

    const url = pages.url('/e2e/blacklisted-shop.html?after-tamper');
    const page = await ext.context.newPage();
    await page.goto(url);
    const verdict = await verdictOf(ext, url, (v) => v.level === 'danger');
    expect(verdict?.codes).toContain('blacklisted');
    // The failed sync makes the lists "not fully current": said as a note next to the finding.
    expect(verdict?.codes).toContain('lists-stale');
    await page.close();
  });

  it('a worker killed mid-import resumes where it stopped; lookups see the old list until the switch, then the new', async () => {
    feeds.serve(dir('v3'));
    feeds.shardDelayMs = 120;
    const before = feeds.requests.length;
    expect((await ask(options, 'syncFeeds', {})).ok).toBe(true);
    const midway = await waitForFeed(options, (f) => (f.progress?.done ?? 0) >= 8);
    expect(midway?.progress).toMatchObject({ version: 3, total: 64 });
    expect(midway!.progress!.done).toBeLessThan(64);

    // Stop the worker the way the browser does when it kills it (and park the server so the resumed
    // import cannot finish before we have looked).
    feeds.hold();
    // The ServiceWorker domain of a page sees the workers of the page's origin: the options page's.
    const cdp = await ext.context.newCDPSession(options);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    await cdp.detach();
    const stopped = await waitForFeed(options, () => true).catch(() => undefined); // wakes the worker again
    expect(stopped?.version).toBe(1);
    expect(stopped?.progress?.version).toBe(3);

    // Mid-import, a lookup answers from version 1 (complete), not from a half-imported version 3.
    const url = pages.url('/e2e/newly-listed-shop.html');
    const page = await ext.context.newPage();
    await page.goto(url);
    const old = await verdictOf(ext, url, (v) => v.level !== null);
    expect(old?.codes).not.toContain('blacklisted');
    expect(old?.level).not.toBe('danger');
    expect((await waitForFeed(options, () => true))?.version).toBe(1);

    feeds.release();
    feeds.shardDelayMs = 0;
    const done = await waitForFeed(options, (f) => f.version === 3 && f.status === 'ok', 60_000);
    expect(done?.version).toBe(3);
    expect(done?.progress).toBeNull();
    expect(done?.counts.blacklist).toBe(8 + 3001);
    // Resumed, not restarted: shards stored before the kill were not downloaded again.
    const shardGets = feeds.requests.slice(before).filter((p) => p.startsWith('/feed/blacklist/keys/'));
    expect(new Set(shardGets).size).toBe(64);
    expect(shardGets.length).toBeLessThan(64 + 8);

    await page.reload();
    const fresh = await verdictOf(ext, url, (v) => v.level === 'danger');
    expect(fresh?.codes).toContain('blacklisted');
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.text).toContain('新近列入');
    await page.close();
  });
});
