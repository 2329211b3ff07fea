import { describe, expect, it } from 'vitest';
import { BROWSERS, findInPanel, useDriver, useFixtureServer, waitForPanel, waitForToolbar } from './driver/all';
import { chineseOptions } from './harness/options-page';
import { poll } from './driver/poll';

describe.each(BROWSERS)('%s: options, language, allowlist, dismissal and keyboard', (name) => {
  const server = useFixtureServer();
  // Each test changes settings: a fresh profile each.
  const driver = useDriver(name, { fresh: 'test' });
  const options = async () => {
    const page = await driver().extensionPage('extension/options/options.html');
    await page.waitFor('.lz-options');
    return page;
  };

  it('applies the language chosen on the options page to the panel and the popup', async () => {
    const opts = await options();
    await opts.select('#lz-language', 'zh-TW');
    await opts.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW');
    expect(await opts.text('h1')).toContain('亮照衛士設定');

    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.text).toContain('高風險');
    expect(panel?.text).toContain('標識聲稱經過官方驗證'); // the finding message, in the same language

    await opts.select('#lz-language', 'en');
    await opts.waitForFunction(() => document.documentElement.lang === 'en');
    await tab.reload();
    const english = await waitForPanel(tab, (p) => !!p?.text.includes('High risk'));
    expect(english?.text).toContain('claims an official verification');
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).text).toContain('High risk');
  });

  it('leaves allowlisted sites alone and says so in the popup', async () => {
    const opts = await options();
    const field = '[data-section="not-checked"] input[type="text"]';
    const add = '[data-section="not-checked"] button[type="submit"]';
    await opts.fill(field, 'not a host!');
    await opts.click(add);
    await opts.waitFor('[role="alert"]');
    expect(await opts.text('[role="alert"]')).toContain('not a host!');
    await opts.fill(field, 'http://127.0.0.1:1234/some/path');
    await opts.click(add);
    await opts.waitFor('[data-list="allowlist"] li');
    expect(await opts.text('[data-list="allowlist"]')).toContain('127.0.0.1');

    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    // The content script reported the site as allowlisted (not scanned): no level, no panel, no badge.
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.seen);
    expect(toolbar.level).toBe('none');
    expect(toolbar.text).toContain('127.0.0.1');
    expect(toolbar.badge.text).toBe('');
    expect(await tab.panel()).toBeNull();

    await opts.click('[data-list="allowlist"] button');
    await opts.waitFor('[data-list="allowlist"]', { gone: true });
    await tab.reload();
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
  });

  it('hides the panel on a dismissed site (the toolbar still warns) until the user undoes it', async () => {
    const tab = await driver().openTab(server().url('/demo/borrowed-license.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    await tab.clickPanel(findInPanel(panel, (a) => a['data-action'] === 'dismiss')!);
    // On a danger site it asks once; then "已隐藏 · 撤销" stands in for the panel.
    const confirm = await waitForPanel(tab, (p) => !!findInPanel(p, (a) => a['data-action'] === 'dismiss-confirm'));
    await tab.clickPanel(findInPanel(confirm, (a) => a['data-action'] === 'dismiss-confirm')!);
    expect(await waitForPanel(tab, (p) => !p?.expanded && !!findInPanel(p, (a) => a['data-action'] === 'undo-hide'))).not.toBeNull();
    await tab.reload();
    // The reloaded page's verdict has arrived (a loading page clears the tab's old one): no panel.
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).badge.text).toBe('!');
    expect(await tab.panel()).toBeNull();

    const opts = await options();
    expect(await opts.text('[data-list="dismissed"]')).toContain('127.0.0.1');
    await opts.click('[data-list="dismissed"] button');
    await opts.waitFor('[data-list="dismissed"]', { gone: true });
    await tab.reload();
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
  });

  it('with the small badge chosen for good pages: opens with a click, closes with Escape, and the buttons are labelled', async () => {
    // Off by default: a good page shows nothing.
    const opts = await options();
    expect(await opts.checked('input[name="quietPill"]')).toBe(false);
    await opts.click('input[name="quietPill"]');
    await expect.poll(async () => JSON.stringify(await opts.send('getSettings', {}))).toContain('"quietPill":true');
    const tab = await driver().openTab(server().url('/demo/clean-shop.html'));
    const quiet = await waitForPanel(tab, (p) => p?.level === 'ok');
    expect(quiet?.expanded).toBe(false);
    const pill = findInPanel(quiet, (a) => a.class === 'lz-pill');
    expect(pill).toBeDefined();
    expect((pill!.attrs['aria-label'] ?? '').length).toBeGreaterThan(4);
    await tab.clickPanel(pill!);
    const open = await waitForPanel(tab, (p) => !!p?.expanded);
    expect(open?.expanded).toBe(true);
    expect(findInPanel(open, (a) => a.role === 'dialog' && !!a['aria-label'])).toBeDefined();
    await tab.press('Escape');
    expect((await waitForPanel(tab, (p) => p?.expanded === false, 3000))?.expanded).toBe(false);
    // Focus went back to our small badge (inside the closed root: the page only sees the host); it
    // moves after the collapsed panel is drawn, so read it until it has (a race seen once in a full run).
    const focused = await poll(() => tab.evaluate(() => document.activeElement?.tagName ?? ''), (tag) => /^LZ-/.test(tag), { timeoutMs: 5000 });
    expect(focused).toMatch(/^LZ-/);
    expect(findInPanel(await tab.panel(), (a) => a.class === 'lz-pill')).toBeDefined();
  });

  it('shows what data is kept and clears it', async () => {
    const tab = await driver().openTab(server().url('/demo/clean-shop.html'));
    await waitForToolbar(driver(), tab, (t) => t.level === 'ok');
    const opts = await chineseOptions(driver());
    // A personal entry and a hidden warning, as the options page and the panel would save them.
    expect((await opts.send('savePersonalEntry', { entry: { action: 'warn', target: { type: 'domain', pattern: '*.fake.example' }, note: '买到假货' } })).ok).toBe(true);
    expect((await opts.send('suppressFinding', { url: 'https://shop.example/', code: 'license-missing', evidence: 'x' })).ok).toBe(true);
    await opts.reload();
    await opts.waitFor('.lz-data');
    const before = await opts.text('.lz-data');
    expect(before).toMatch(/[1-9]\d* 个（关闭标签页或浏览器时删除）/);
    expect(before).toContain('你隐藏的警告：1 条');
    expect(before).toContain('你自己的名单（总是警告 / 信任）：1 条');
    expect(before).toContain('举报：待发送 0 份');
    await opts.click('.lz-danger-btn');
    await opts.waitForFunction(() => document.body.innerText.includes('已清除。'));
    const after = await opts.text('.lz-data');
    expect(after).toMatch(/：0 个（关闭/);
    expect(after).toContain('你隐藏的警告：0 条');
    expect(after).toContain('你自己的名单（总是警告 / 信任）：0 条');
  });
});
