import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type LoadedChromium } from './harness/chromium-extension';
import { clickPanelNode, waitForPanel } from './harness/panel-probe';
import { chromiumMapping, startRegistryHosts, type RegistryHosts } from './harness/registry-hosts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const GSXT = ['www.gsxt.gov.cn'];
const SHOPS = ['shop-a.example.cn', 'shop-b.example.cn'];
const RESULT = 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html';
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url);

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

/** A privileged message from an extension page, as the options page sends it. */
async function ask<T>(ext: LoadedChromium, type: string, payload: unknown): Promise<T> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    const reply = (await page.evaluate(({ type, payload }) => chrome.runtime.sendMessage({ type, payload }), { type, payload })) as { ok: boolean; value?: T; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  } finally {
    await page.close();
  }
}

/**
 * Assisted lookup end to end in Chromium: a shop showing a borrowed licence; the shopper clicks
 * "到国家企业信用信息公示系统核实" in the panel; the registry tab (the registry's real host name over
 * https, served here) shows the company page; the shop's panel turns to danger with the registry's
 * words. The answer survives a browser restart and speaks on another shop showing the same code.
 */
describe('Chromium: the registry\'s answer brought back to the shop tab', () => {
  let hosts: RegistryHosts;
  let ext: LoadedChromium;
  let profile: string;
  const launch = () => launchChromium({ profile, extraArgs: chromiumMapping(hosts, GSXT, SHOPS) });

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'lz-chromium-registry-'));
    hosts = await startRegistryHosts(
      GSXT,
      {
        '/': read('./fixtures/registry/gsxt-home.html'),
        '/corp-query-entprise-info-x.html': read('../fixtures/registries/gsxt-company.html'),
        '/corp-query-entprise-info-y.html': read('../fixtures/registries/gsxt-company-revoked.html'),
      },
      { 'shop-a.example.cn': { '/': read('./fixtures/registry/shop-a.html') }, 'shop-b.example.cn': { '/': read('./fixtures/registry/shop-b.html') } },
    );
    ext = await launch();
  });
  afterAll(async () => {
    await ext?.close();
    await hosts?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  let shop: Page;

  it('the panel\'s "check on gsxt" opens the registry in a tab; its result page turns the shop to danger, in the registry\'s words', async () => {
    // The product's own language for the screenshot (headless Chromium reports an English UI).
    const settings = await ask<Record<string, unknown>>(ext, 'getSettings', {});
    await ask(ext, 'saveSettings', { settings: { ...settings, language: 'zh-CN' } });
    shop = await ext.context.newPage();
    await shop.goto('http://shop-a.example.cn/');
    // On its own the page looks fine: a licence with a valid code, no list loaded.
    const quiet = await waitForPanel(shop, (p) => p !== null && p.level === 'ok');
    expect(quiet?.level).toBe('ok');
    await clickPanelNode(shop, quiet!.find((a) => (a.class ?? '').includes('lz-pill'))!.backendNodeId);
    const open = await waitForPanel(shop, (p) => !!p?.find((a) => a['data-action'] === 'verify' && a['data-site'] === 'gsxt'));
    const tabOpened = ext.context.waitForEvent('page');
    await clickPanelNode(shop, open!.find((a) => a['data-action'] === 'verify' && a['data-site'] === 'gsxt')!.backendNodeId);
    const registry = await tabOpened;
    await registry.waitForLoadState();
    // gsxt takes no query in its URL: the extension opened its home page (and copied the number).
    expect(registry.url()).toBe('https://www.gsxt.gov.cn/');
    // The shopper searches and gets through the site's own check; the company page shows.
    await registry.goto(RESULT);
    const danger = await waitForPanel(shop, (p) => !!p?.findingCodes.includes('name-mismatch'), 20_000);
    expect(danger?.level).toBe('danger');
    expect(danger?.expanded).toBe(true);
    expect(danger?.findingCodes).toContain('abnormal-operation');
    expect(danger?.text).toContain('杭州瑞丰机械设备有限公司');
    // The registry's own words are the evidence, and the number shows the answer with its age.
    expect(danger?.text).toContain('企业名称：杭州瑞丰机械设备有限公司；统一社会信用代码：91330106MA2H3P7L4H；登记状态：存续');
    expect(danger?.text).toContain('通过登记的住所或者经营场所无法联系的');
    expect(danger?.find((a) => a['data-from'] === 'registry')).toBeTruthy();
    expect(danger?.find((a) => (a.class ?? '').includes('lz-official') && a['data-state'] === 'answered' && a['data-site'] === 'gsxt')).toBeTruthy();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await shop.bringToFront();
    await shop.screenshot({ path: new URL('registry-danger-chromium.png', SCREENSHOTS).pathname });
  });

  it('a registry page the extension did not open for a shop is not taken', async () => {
    const before = await ask<unknown[]>(ext, 'getRegistryAnswers', {});
    const stray = await ext.context.newPage();
    await stray.goto('https://www.gsxt.gov.cn/corp-query-entprise-info-y.html');
    await new Promise((r) => setTimeout(r, 2500));
    const after = await ask<{ value: string }[]>(ext, 'getRegistryAnswers', {});
    expect(after.length).toBe(before.length);
    expect(after.map((a) => a.value)).toEqual(['91330106MA2H3P7L4H']);
    await stray.close();
  });

  it('survives a browser restart and speaks on another shop showing the same code; listed and deletable in the options', async () => {
    await ext.close();
    ext = await launch();
    const other = await ext.context.newPage();
    await other.goto('http://shop-b.example.cn/');
    const panel = await waitForPanel(other, (p) => !!p?.findingCodes.includes('name-mismatch'), 20_000);
    expect(panel?.level).toBe('danger');
    expect(panel?.text).toContain('杭州木语家具有限公司');
    expect(panel?.text).toContain('杭州瑞丰机械设备有限公司');
    // Nothing was asked of the registry again: the answer came from the user's own cache.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    const row = options.locator('[data-section="registry-answers"] li');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('91330106MA2H3P7L4H');
    await options.locator('[data-section="registry-answers"] button', { hasText: /全部删除|Delete all/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    await other.reload();
    const after = await waitForPanel(other, (p) => p !== null && p.level !== null && !p.findingCodes.includes('name-mismatch'));
    expect(after?.findingCodes).not.toContain('name-mismatch');
  });
});
