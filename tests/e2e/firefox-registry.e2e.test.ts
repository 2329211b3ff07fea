import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickFirefoxPanel } from './harness/firefox-click';
import { waitForFirefoxPanel } from './harness/firefox-panel';
import { firefoxProxyPrefs, startRegistryHosts, type RegistryHosts } from './harness/registry-hosts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const GECKO_ID = 'liangzhao-guard@liangzhao.example';
const XPI = fileURLToPath(new URL('../../dist/liangzhao-guard-firefox.zip', import.meta.url));
const GSXT = ['www.gsxt.gov.cn'];

/**
 * Assisted lookup end to end in Firefox ESR. The extension is installed the way a user's stays
 * installed (an unsigned XPI in the profile's extensions folder, ESR allowing unsigned add-ons), not
 * as a temporary add-on: a temporary one is removed with its IndexedDB when Firefox quits, and this
 * test restarts Firefox to see the answer kept. Names reach the local servers through a proxy (pref).
 */
describe('Firefox ESR: the registry\'s answer brought back to the shop tab', () => {
  let hosts: RegistryHosts;
  let browser: Browser;
  let profile: string;
  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { ...firefoxProxyPrefs(hosts), 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15, 'intl.locale.requested': 'zh-CN' },
    });

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'lz-firefox-registry-'));
    mkdirSync(join(profile, 'extensions'), { recursive: true });
    copyFileSync(XPI, join(profile, 'extensions', `${GECKO_ID}.xpi`));
    hosts = await startRegistryHosts(
      GSXT,
      { '/': read('./fixtures/registry/gsxt-home.html'), '/corp-query-entprise-info-x.html': read('../fixtures/registries/gsxt-company.html') },
      { 'shop-a.example.cn': { '/': read('./fixtures/registry/shop-a.html') }, 'shop-b.example.cn': { '/': read('./fixtures/registry/shop-b.html') } },
    );
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await hosts?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const newTab = (): Promise<Page> =>
    new Promise((resolve) => {
      browser.once('targetcreated', (target) => void target.page().then((p) => p && resolve(p)));
    });

  it('the panel opens the registry tab; its result page turns the shop to danger, in the registry\'s words', async () => {
    const shop = await browser.newPage();
    // The extension may still be starting: reload until the page has its quiet badge.
    await shop.goto('http://shop-a.example.cn/');
    const quiet = await waitForFirefoxPanel(browser, shop, (p) => p !== null && p.level === 'ok', { timeoutMs: 30_000, reloadMs: 4000 });
    expect(quiet?.level).toBe('ok');
    expect(await clickFirefoxPanel(browser, shop, (a) => (a.class ?? '').includes('lz-pill'))).toBe(true);
    await waitForFirefoxPanel(browser, shop, (p) => !!p?.expanded);
    const opened = newTab();
    expect(await clickFirefoxPanel(browser, shop, (a) => a['data-action'] === 'verify' && a['data-site'] === 'gsxt')).toBe(true);
    const registry = await opened;
    await expect.poll(() => registry.url(), { timeout: 15_000 }).toBe('https://www.gsxt.gov.cn/');
    await registry.goto('https://www.gsxt.gov.cn/corp-query-entprise-info-x.html');
    const danger = await waitForFirefoxPanel(browser, shop, (p) => !!p?.findingCodes.includes('name-mismatch'), { timeoutMs: 20_000 });
    expect(danger?.level).toBe('danger');
    expect(danger?.expanded).toBe(true);
    expect(danger?.findingCodes).toContain('abnormal-operation');
    expect(danger?.text).toContain('企业名称：杭州瑞丰机械设备有限公司；统一社会信用代码：91330106MA2H3P7L4H');
    expect(hosts.registryRequests).toContain('/corp-query-entprise-info-x.html');
  });

  it('survives a Firefox restart and speaks on another shop showing the same code', async () => {
    await browser.close();
    browser = await launch();
    const other = await browser.newPage();
    await other.goto('http://shop-b.example.cn/');
    const panel = await waitForFirefoxPanel(browser, other, (p) => !!p?.findingCodes.includes('name-mismatch'), { timeoutMs: 30_000, reloadMs: 4000 });
    expect(panel?.level).toBe('danger');
    expect(panel?.text).toContain('杭州木语家具有限公司');
    expect(panel?.text).toContain('杭州瑞丰机械设备有限公司');
  });
});
