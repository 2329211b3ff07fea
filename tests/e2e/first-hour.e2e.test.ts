import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, findInPanel, openPopup, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ExtensionDriver, type ExtensionPage, type PanelView, type ShopTab } from './driver/all';
import { axeExtensionPage, axePanel } from './harness/axe';
import { freePort } from './harness/lossy-proxy';
import { chineseOptions } from './harness/options-page';
import { pageView } from './harness/page-view';

/**
 * A shopper's first hour (issue 11), as every real install starts: a fresh profile, no list
 * subscribed, no report address. Good pages show nothing; the toolbar a neutral mark; danger the safe
 * way out first; every surface passes axe-core in the light and the dark scheme.
 */

/** The toolbar's "no problem found": a neutral slate (src/ui-model/level-style.ts), never green. */
const SLATE = [79, 91, 107, 255];
const greenish = ([r, g, b]: number[]) => g! > r! + 40 && g! > b! + 20;

/** Runs in a page: elements whose text, background or border is drawn in a green (none may be). */
function greenElements(): string[] {
  const green = (c: string) => {
    const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(c);
    if (!m || m[4] === '0') return false;
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return g > r + 40 && g > b + 20;
  };
  return Array.from(document.querySelectorAll('*'))
    .filter((el) => {
      const s = getComputedStyle(el);
      return green(s.color) || green(s.backgroundColor) || green(s.borderTopColor) || green(s.fill);
    })
    .map((el) => el.outerHTML.slice(0, 80));
}

/** Runs in a page: its element count now, and that of its own HTML parsed afresh (what the shop sent). */
async function elementCounts(): Promise<{ now: number; sent: number }> {
  const html = await (await fetch(location.href)).text();
  return { now: document.getElementsByTagName('*').length, sent: new DOMParser().parseFromString(html, 'text/html').getElementsByTagName('*').length };
}

interface ActionApi {
  action: { getTitle(d: { tabId: number }): Promise<string> };
  tabs: { sendMessage(id: number, m: unknown): Promise<unknown> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
}
/** Runs in an extension page: the action's title for a tab. */
const titleOf = (tabId: number) => {
  const g = globalThis as unknown as { browser?: ActionApi; chrome?: ActionApi };
  return (g.browser ?? g.chrome)!.action.getTitle({ tabId });
};
/** Runs in an extension page: the extension's commands and their keys. */
const commandsOf = () => {
  const g = globalThis as unknown as { browser?: ActionApi; chrome?: ActionApi };
  return (g.browser ?? g.chrome)!.commands.getAll();
};
/** Runs in an extension page: what the command's handler sends the tab (service-worker.ts). */
const openPanelCommand = async (tabId: number) => {
  const g = globalThis as unknown as { browser?: ActionApi; chrome?: ActionApi };
  await (g.browser ?? g.chrome)!.tabs.sendMessage(tabId, { lzCommand: 'openPanel' });
};

const action = (panel: PanelView | null, name: string) => findInPanel(panel, (a) => a['data-action'] === name);

describe.each(BROWSERS)('%s: a shopper’s first hour, fresh profile and no lists', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name);
  // The product's own language (headless browsers report an English UI): the words below are its.
  beforeAll(async () => void (await (await chineseOptions(driver())).close()));

  // A licence on a regulator's blacklist (only a list could tell), a clean shop, a big listing page.
  for (const page of ['/e2e/blacklisted-shop.html', '/demo/clean-shop.html', '/demo/big-listing.html']) {
    it(`${page}: nothing on the page, a neutral count on the toolbar, no green anywhere`, async () => {
      const tab = await driver().openTab(server().url(page));
      const toolbar = await waitForToolbar(driver(), tab, (t) => t.seen && t.level !== 'none');
      expect(toolbar.level).toBe('ok');
      // The number of licence numbers read, on the slate: no check mark, no green.
      expect(toolbar.badge.text).toMatch(/^([1-9]\d?|99\+)$/);
      expect(toolbar.badge.color).toEqual(SLATE);
      expect(greenish(toolbar.badge.color)).toBe(false);
      expect(toolbar.text).not.toContain('✓');
      // The verdict has arrived, and the page is as the shop sent it: no element of ours.
      expect(await tab.panel()).toBeNull();
      expect(await tab.evaluate(pageView)).toBeNull();
      const counts = await tab.evaluate(elementCounts);
      expect(counts.now).toBe(counts.sent);

      const popup = await openPopup(driver(), tab);
      const tabId = await driver().tabId(tab);
      expect(await popup.text('main h1')).toBe('未发现问题');
      expect(await popup.text('main')).toContain('已读取证照号码，未核对名单');
      expect(await popup.evaluate(greenElements)).toEqual([]);
      // The toolbar's title names the tab's state in the UI language: read, no list asked.
      expect(await popup.evaluate(titleOf, tabId)).toMatch(/^亮照卫士：已读取证照号码，未核对名单（已读取 [1-9]\d* 个证照号码）$/);
      await popup.close();
      await tab.close();
    });
  }

  it('danger: the panel opens with the safe way out first, going on last and quiet', async () => {
    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    const actions = panel!.elements.map((e) => e.attrs['data-action']).filter((a): a is string => !!a && a !== 'dock' && a !== 'collapse');
    expect(actions.slice(0, 2)).toEqual(['leave', 'check-first']);
    expect(actions.indexOf('proceed')).toBeGreaterThan(1);
    expect(action(panel, 'leave')!.attrs.class).toBe('lz-primary');
    expect(action(panel, 'proceed')!.attrs.class).toContain('lz-link-btn');
    expect(panel!.text).toContain('离开这个页面');
    // On the screen too: the way out is above the first finding.
    const leave = await tab.boxOf(action(panel, 'leave')!);
    const finding = await tab.boxOf(findInPanel(panel, (a) => !!a['data-code'])!);
    expect(leave.top).toBeLessThan(finding.top);
    // A danger panel announces itself: the live region, and its text (filled in after the region
    // is in the page, so that screen readers hear it; waiting only for the region raced that).
    const announced = await waitForPanel(tab, (p) => !!p && p.elements.some((e) => e.attrs.role === 'alert' || e.attrs['aria-live'] === 'assertive') && p.text.includes('亮照卫士：高风险'));
    expect(announced!.text).toContain('亮照卫士：高风险');
    await tab.close();
  });

  it('the keyboard command (Alt+Shift+L) opens the panel on a quiet page and puts the focus in it', async () => {
    const tab = await driver().openTab(server().url('/demo/clean-shop.html'));
    await waitForToolbar(driver(), tab, (t) => t.level === 'ok');
    expect(await tab.panel()).toBeNull();
    const popup = await openPopup(driver(), tab);
    const tabId = await driver().tabId(tab);
    // The manifest binds the command to Alt+Shift+L. A headless browser has no window whose keys
    // reach the extension's shortcuts, so the test sends the tab what the command's handler sends
    // (service-worker.ts: commands.onCommand → tabs.sendMessage({ lzCommand: 'openPanel' })).
    const commands = await popup.evaluate(commandsOf);
    expect(commands.find((c) => c.name === 'open-panel')?.shortcut?.replace(/\s/g, '')).toBe('Alt+Shift+L');
    await popup.evaluate(openPanelCommand, tabId);
    const open = await waitForPanel(tab, (p) => !!p?.expanded);
    expect(open?.level).toBe('ok');
    expect(findInPanel(open, (a) => a.role === 'dialog')?.attrs['aria-label']).toBe('亮照卫士风险面板：未发现问题');
    // The focus is inside our closed root: the page sees only the host.
    await tab.waitForFunction(() => document.activeElement?.tagName.startsWith('LZ-'));
    expect(await tab.evaluate(() => document.activeElement?.tagName ?? '')).toMatch(/^LZ-/);
    await popup.close();
    await tab.close();
  });

  it('in a 400-px window the panel is a bottom sheet with a handle, at most half the height', async () => {
    const tab = await driver().openTab();
    await tab.setViewport(400, 800);
    await tab.goto(server().url('/demo/spoofed-badge.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    const sheet = await tab.boxOf(findInPanel(panel, (a) => a.role === 'dialog')!);
    const width = await tab.evaluate(() => document.documentElement.clientWidth);
    expect(Math.round(sheet.left)).toBe(0);
    expect(Math.round(sheet.left + sheet.width)).toBeGreaterThanOrEqual(width);
    expect(Math.round(sheet.top + sheet.height)).toBe(800);
    expect(sheet.height).toBeLessThanOrEqual(400);
    const handle = findInPanel(panel, (a) => (a.class ?? '').split(' ').includes('lz-handle'));
    expect((await tab.boxOf(handle!)).width).toBeGreaterThan(20);
    await tab.close();
  });

  describe('axe-core: no serious or critical violation, light or dark', () => {
    const blank = () => driver().openTab(server().url('/demo/index.html'));

    it('the panel’s own markup: danger, the compact card, the sheet', async () => {
      const cases: [string, (p: PanelView | null) => boolean, number?][] = [
        ['/demo/spoofed-badge.html', (p) => p?.level === 'danger' && p.expanded],
        ['/demo/invalid-code.html', (p) => p?.level === 'warning' && p.expanded],
        ['/demo/borrowed-license.html', (p) => p?.level === 'danger' && p.expanded, 400],
      ];
      for (const [page, ready, width] of cases) {
        const tab = await driver().openTab();
        if (width) await tab.setViewport(width, 800);
        await tab.goto(server().url(page));
        await waitForPanel(tab, ready);
        const copy = await blank();
        expect(await axePanel(tab, copy), page).toEqual({ light: [], dark: [] });
        await copy.close();
        await tab.close();
      }
    });

    it('the popup, at danger and where nothing was found', async () => {
      for (const page of ['/demo/spoofed-badge.html', '/demo/clean-shop.html']) {
        const tab = await driver().openTab(server().url(page));
        await waitForToolbar(driver(), tab, (t) => t.seen && t.level !== 'none');
        const popup = await openPopup(driver(), tab);
        expect(await axeExtensionPage(popup), page).toEqual({ light: [], dark: [] });
        await popup.close();
        await tab.close();
      }
    });

    it('the options page', async () => {
      const options = await driver().extensionPage('extension/options/options.html');
      await options.waitFor('.lz-options');
      expect(await axeExtensionPage(options)).toEqual({ light: [], dark: [] });
      await options.close();
    });

    it('the report form', async () => {
      const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
      const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
      const form = await driver().expectExtensionPage('extension/report/report.html', () => tab.clickPanel(action(panel, 'report')!));
      await form.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready');
      expect(await axeExtensionPage(form)).toEqual({ light: [], dark: [] });
      await form.close();
      await tab.close();
    });
  });
});

describe.each(BROWSERS)('%s: hiding and reporting in a fresh profile', (name) => {
  const server = useFixtureServer();
  // Each test changes settings or keeps a report: a fresh profile each.
  const driver = useDriver(name, { fresh: 'test' });

  it('hiding on a danger site asks first; every hide shows 已隐藏 · 撤销, and undo brings the panel back', async () => {
    await (await chineseOptions(driver())).close();
    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    let panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    await tab.clickPanel(action(panel, 'dismiss')!);
    panel = await waitForPanel(tab, (p) => !!action(p, 'dismiss-confirm'));
    expect(panel!.text).toContain('仍要在此网站隐藏提醒吗');
    await tab.clickPanel(action(panel, 'dismiss-confirm')!);
    const toast = await waitForPanel(tab, (p) => !!action(p, 'undo-hide'));
    expect(toast!.expanded).toBe(false);
    expect(toast!.text).toContain('已隐藏');
    expect(toast!.text).toContain('撤销');
    // The toolbar still warns.
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).badge.text).toBe('!');

    await tab.clickPanel(action(toast, 'undo-hide')!);
    panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    expect(action(panel, 'leave')).toBeDefined();
    await tab.reload();
    expect((await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded))?.level).toBe('danger');

    // Below danger it does not ask: the toast at once; the site stays hidden after a reload.
    await tab.goto(server().url('/demo/invalid-code.html'));
    const warning = await waitForPanel(tab, (p) => p?.level === 'warning' && p.expanded);
    await tab.clickPanel(action(warning, 'dismiss')!);
    const hidden = await waitForPanel(tab, (p) => !!action(p, 'undo-hide') || !!action(p, 'dismiss-confirm'));
    expect(action(hidden, 'dismiss-confirm')).toBeUndefined();
    expect(action(hidden, 'undo-hide')).toBeDefined();
    await tab.reload();
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'warning')).badge.text).toBe('!');
    expect(await tab.panel()).toBeNull();
  });

  /** The report form for the danger page, opened from its panel's "举报这家店". */
  const reportForm = async (d: ExtensionDriver): Promise<{ tab: ShopTab; form: ExtensionPage }> => {
    await (await chineseOptions(d)).close();
    const tab = await d.openTab(server().url('/demo/spoofed-badge.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    const form = await d.expectExtensionPage('extension/report/report.html', () => tab.clickPanel(action(panel, 'report')!));
    await form.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready');
    // The category comes from the top finding: a forged badge.
    expect(await form.value('input[name="category"]:checked')).toBe('forged-badge');
    return { tab, form };
  };

  it('without a report endpoint: saved on this device, and the 12315 draft is the next step', async () => {
    const { form } = await reportForm(driver());
    expect(await form.text('form .lz-primary[type="submit"]')).toBe('保存到本机并生成 12315 举报稿');
    await form.click('form .lz-primary[type="submit"]');
    await form.waitFor('main[data-step="done"]');
    expect(await form.attribute('.lz-done', 'data-kept')).toBe('true');
    const done = await form.text('.lz-done');
    expect(done).toContain('举报已保存在本机');
    expect(done).toContain('没有发送给任何人');
    expect(done).not.toMatch(/待发送|重试/);
    const draft = await form.value('.lz-complaint');
    expect(draft).toContain('伪造亮照或备案标识');
    expect(draft).toContain('页面声称，未核实');
  });

  it('with a report endpoint: the preview says where it goes, and sending queues it there', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}/reports`;
    const options = await chineseOptions(driver());
    await options.fill('[data-section="report-endpoints"] input[name="endpoint"]', endpoint);
    await options.press('[data-section="report-endpoints"] input[name="endpoint"]', 'Enter');
    await options.waitForFunction((e) => !!document.querySelector('[data-list="endpoints"]')?.textContent?.includes(e), endpoint);
    await options.close();

    const { form } = await reportForm(driver());
    expect(await form.text('form .lz-primary[type="submit"]')).toBe('预览将要发送的内容');
    await form.click('form .lz-primary[type="submit"]');
    await form.waitFor('main[data-step="preview"]');
    expect(await form.text('main')).toContain(`POST ${endpoint}`);
    await form.click('.lz-preview .lz-primary');
    await form.waitFor('main[data-step="done"]');
    expect(await form.attribute('.lz-done', 'data-kept')).toBe('false');
    expect(await form.text('.lz-done')).toContain('举报已保存在本机并开始发送');
  });
});
