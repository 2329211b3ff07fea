import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, popupLevel, toolbarBadge, waitForVerdict, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { clickPanelNode, readPanel, waitForPanel } from './harness/panel-probe';

/** The extension page's API, in page.evaluate on the options page. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('Chromium: options, language, allowlist, dismissal and keyboard', () => {
  let ext: LoadedChromium;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const options = async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    await page.waitForSelector('.lz-options');
    return page;
  };

  it('applies the language chosen on the options page to the panel and the popup', async () => {
    const opts = await options();
    await opts.selectOption('#lz-language', 'zh-TW');
    await opts.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW');
    expect(await opts.innerText('h1')).toContain('亮照衛士設定');

    const page = await ext.context.newPage();
    const url = server.url('/demo/spoofed-badge.html');
    await page.goto(url);
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.text).toContain('高風險');
    expect(panel?.text).toContain('標識聲稱經過官方驗證'); // the finding message, in the same language

    await opts.selectOption('#lz-language', 'en');
    await opts.waitForFunction(() => document.documentElement.lang === 'en');
    await page.reload();
    const english = await waitForPanel(page, (p) => !!p?.text.includes('High risk'));
    expect(english?.text).toContain('claims an official verification');
    const v = await waitForVerdict(ext, url, (x) => x.level === 'danger');
    const popup = await popupLevel(ext, v!.tabId);
    expect(popup.text).toContain('High risk');
    await popup.page.close();

    await opts.selectOption('#lz-language', 'zh-CN');
    await opts.close();
    await page.close();
  });

  it('leaves allowlisted sites alone and says so in the popup', async () => {
    const opts = await options();
    await opts.fill('.lz-options input[type="text"]', 'not a host!');
    await opts.click('button[type="submit"]');
    expect(await opts.innerText('[role="alert"]')).toContain('not a host!');
    await opts.fill('.lz-options input[type="text"]', 'http://127.0.0.1:1234/some/path');
    await opts.click('button[type="submit"]');
    await opts.waitForSelector('[data-list="allowlist"] li');
    expect(await opts.innerText('[data-list="allowlist"]')).toContain('127.0.0.1');

    const page = await ext.context.newPage();
    const url = server.url('/demo/spoofed-badge.html');
    await page.goto(url);
    const v = await waitForVerdict(ext, url, () => true);
    expect(v?.level).toBeNull(); // reported as allowlisted, not scanned
    expect(await waitForPanel(page, (p) => p !== null, 1500)).toBeNull();
    expect((await toolbarBadge(ext, v!.tabId)).text).toBe('');
    const popup = await popupLevel(ext, v!.tabId);
    expect(popup.level).toBe('none');
    expect(popup.text).toContain('127.0.0.1');
    await popup.page.close();

    await opts.click('[data-list="allowlist"] button');
    await opts.waitForSelector('[data-list="allowlist"]', { state: 'detached' });
    await page.reload();
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await opts.close();
    await page.close();
  });

  it('hides the panel on a dismissed site (the toolbar still warns) until the user undoes it', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/demo/borrowed-license.html');
    await page.goto(url);
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    const hide = panel!.find((a) => a.class === 'lz-link-btn');
    await clickPanelNode(page, hide!.backendNodeId);
    expect(await waitForPanel(page, (p) => p === null, 3000)).toBeNull();
    await page.reload();
    const v = await waitForVerdict(ext, url, (x) => x.level === 'danger');
    expect(await waitForPanel(page, (p) => p !== null, 1500)).toBeNull();
    expect((await toolbarBadge(ext, v!.tabId)).text).toBe('!');

    const opts = await options();
    expect(await opts.innerText('[data-list="dismissed"]')).toContain('127.0.0.1');
    await opts.click('[data-list="dismissed"] button');
    await opts.waitForSelector('[data-list="dismissed"]', { state: 'detached' });
    await opts.close();
    await page.reload();
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await page.close();
  });

  it('opens from its small badge with a click, closes with Escape, and the buttons are labelled', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/demo/clean-shop.html'));
    const quiet = await waitForPanel(page, (p) => p?.level === 'ok');
    expect(quiet?.expanded).toBe(false);
    const pill = quiet!.find((a) => a.class === 'lz-pill');
    expect(pill).toBeDefined();
    expect(quiet!.find((a) => a.class === 'lz-pill' && (a['aria-label'] ?? '').length > 4)).toBeDefined();
    await clickPanelNode(page, pill!.backendNodeId);
    const open = await waitForPanel(page, (p) => !!p?.expanded);
    expect(open?.expanded).toBe(true);
    expect(open!.find((a) => a.role === 'dialog' && !!a['aria-label'])).toBeDefined();
    await page.keyboard.press('Escape');
    expect((await waitForPanel(page, (p) => p?.expanded === false, 3000))?.expanded).toBe(false);
    // Focus went back to our small badge (inside the closed root: the page only sees the host).
    expect(await page.evaluate(() => document.activeElement?.tagName ?? '')).toMatch(/^LZ-/);
    expect((await readPanel(page))?.find((a) => a.class === 'lz-pill')).toBeDefined();
    await page.close();
  });

  it('shows what data is kept and clears it', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/demo/clean-shop.html'));
    await waitForPanel(page, (p) => p?.level === 'ok');
    const opts = await options();
    await opts.selectOption('#lz-language', 'zh-CN');
    await opts.waitForFunction(() => document.documentElement.lang === 'zh-Hans-CN');
    // A personal entry and a hidden warning, as the options page and the panel would save them.
    const call = (type: string, payload: unknown) => opts.evaluate(({ type, payload }) => chrome.runtime.sendMessage({ type, payload }), { type, payload });
    await call('savePersonalEntry', { entry: { action: 'warn', target: { type: 'domain', pattern: '*.fake.example' }, note: '买到假货' } });
    await call('suppressFinding', { url: 'https://shop.example/', code: 'license-missing', evidence: 'x' });
    await opts.reload();
    await opts.waitForSelector('.lz-data');
    const before = await opts.innerText('.lz-data');
    expect(before).toMatch(/[1-9]\d* 个（关闭标签页或浏览器时删除）/);
    expect(before).toContain('你隐藏的警告：1 条');
    expect(before).toContain('你自己的名单（总是警告 / 信任）：1 条');
    expect(before).toContain('举报：待发送 0 份');
    await opts.click('.lz-danger-btn');
    await opts.waitForSelector('text=已清除。');
    const after = await opts.innerText('.lz-data');
    expect(after).toMatch(/：0 个（关闭/);
    expect(after).toContain('你隐藏的警告：0 条');
    expect(after).toContain('你自己的名单（总是警告 / 信任）：0 条');
    await opts.close();
    await page.close();
  });
});
