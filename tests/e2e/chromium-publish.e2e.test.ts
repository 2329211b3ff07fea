import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { waitForPanel } from './harness/panel-probe';
import { startStaticHost, type StaticHost } from './harness/static-host';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEY_FILE = join(ROOT, 'tests/fixtures/feed/test-key.json');
const PUBLIC_KEY = (JSON.parse(readFileSync(KEY_FILE, 'utf8')) as { publicKey: string }).publicKey;
const IMPORTS = join(ROOT, 'tests/fixtures/import');

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

/** The list keeper's pipeline exactly as the scheduled workflow runs it (scripts/publish-feed.sh). */
function publish(site: string, sources: string[]): string {
  return execFileSync('bash', [join(ROOT, 'scripts/publish-feed.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FEED_SOURCES: sources.join(' '), FEED_LIST: 'abnormal-operation', FEED_KEY_FILE: KEY_FILE, FEED_PUBLIC_KEY: PUBLIC_KEY, FEED_SITE: site, FEED_NAME: '杭州经营异常名录（测试）', FEED_SOURCE_URL: 'https://www.gsxt.gov.cn/', LIANGZHAO: `node ${join(ROOT, 'bin/liangzhao.mjs')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * From a regulator's export to the shopper's warning: the publish pipeline imports the XLSX and GBK
 * CSV fixtures, builds, verifies and publishes onto a plain static host that sends only what the
 * published `_headers` asks for; the extension subscribes to it and syncs; a listed shop is warned.
 */
describe('Chromium: the publish workflow on a static host, then the extension syncing from it', () => {
  let site: string;
  let host: StaticHost;
  let shops: FixtureServer;
  let ext: LoadedChromium;
  let options: Page;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    site = mkdtempSync(join(tmpdir(), 'lz-site-'));
    host = await startStaticHost(site);
    shops = await startFixtureServer({
      '/listed.html': () => '<!doctype html><html><head><meta charset="utf-8"><title>云栖优选</title></head><body><h1>云栖优选旗舰店</h1><p>￥199 <button>立即购买</button></p><footer>企业名称：杭州云栖优选电子商务有限公司 统一社会信用代码：91330108MA27XK3C8E</footer></body></html>',
    });
    ext = await launchChromium();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
  });
  afterAll(async () => {
    await ext?.close();
    await host?.close();
    await shops?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it('publishes: a signed feed with the imported rows, served with the documented headers', async () => {
    const log = publish(site, [join(IMPORTS, 'abnormal-2025q3.xlsx')]);
    expect(log).toContain('3 record(s)');
    expect(log).toContain('OK: signature and every file verified');
    const manifest = await fetch(`${host.url}/manifest.json`);
    expect(manifest.headers.get('access-control-allow-origin')).toBe('*');
    expect(manifest.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const shard = readdirSync(join(site, 'blacklist/keys'))[0]!;
    const file = await fetch(`${host.url}/blacklist/keys/${shard}`);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('the extension subscribes and syncs from the static host; a listed shop is warned with the list\'s words', async () => {
    const subscribed = (await options.evaluate((p) => chrome.runtime.sendMessage({ type: 'subscribeFeed', payload: p }), { url: `${host.url}/manifest.json`, publicKey: PUBLIC_KEY })) as { ok: boolean; error?: string };
    expect(subscribed.ok, subscribed.error).toBe(true);
    await expect
      .poll(async () => {
        const r = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'getSyncStatus', payload: {} }))) as { value?: { version: number | null; counts: { blacklist: number } }[] };
        return r.value?.[0]?.counts.blacklist ?? 0;
      }, { timeout: 30_000 })
      .toBe(3);
    const page = await ext.context.newPage();
    await page.goto(shops.url('/listed.html'));
    const panel = await waitForPanel(page, (p) => !!p?.findingCodes.includes('abnormal-operation'), 20_000);
    expect(panel?.level).toBe('warning');
    expect(panel?.text).toContain('未按照规定期限公示年度报告的');
  });

  it('the next run adds the GBK export on top of the published version (a delta), and the extension picks it up', async () => {
    const log = publish(site, [join(IMPORTS, 'abnormal-2025q3.xlsx'), join(IMPORTS, 'abnormal-gbk.csv')]);
    expect(log).toContain('5 record(s)');
    expect(log).toMatch(/1 delta/);
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'syncFeeds', payload: {} }));
    await expect
      .poll(async () => {
        const r = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'getSyncStatus', payload: {} }))) as { value?: { counts: { blacklist: number } }[] };
        return r.value?.[0]?.counts.blacklist ?? 0;
      }, { timeout: 30_000 })
      .toBe(5);
    expect(host.requests.some((r) => r.startsWith('GET /blacklist/deltas/'))).toBe(true);
  });
});
