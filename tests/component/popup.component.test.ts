import { describe, expect, it } from 'vitest';
import { demoVerdict } from './harness/demo-verdict';
import { axeBothSchemes } from './harness/axe';
import { FakeWorker } from './harness/fake-worker';
import { useSurfaces } from './harness/use-surface';

const TAB = 7;

/** The toolbar popup (extension/popup), asking the fake worker for the tab's verdict. */
describe('the popup', () => {
  const surfaces = useSurfaces();
  const popup = async (worker: FakeWorker, options = {}) => {
    const s = await surfaces.open((server) => server.url('popup', `?tabId=${TAB}`), worker, options);
    await s.page.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending');
    return s;
  };
  const withVerdict = (page: string) => {
    const worker = new FakeWorker();
    worker.verdicts.set(TAB, demoVerdict(page));
    return worker;
  };

  it('shows the tab’s level, site, findings and numbers, asked with getTabVerdict', async () => {
    const { page, worker } = await popup(withVerdict('spoofed-badge.html'));
    expect(worker.sent('getTabVerdict')).toEqual([{ tabId: TAB }]);
    expect(await page.locator('#root').getAttribute('data-level')).toBe('danger');
    expect(await page.locator('main h1').innerText()).toBe('高风险');
    expect(await page.locator('.lz-url').innerText()).toBe('shop.example.cn');
    const findings = page.getByRole('region', { name: '发现的问题' });
    expect(await findings.locator('[data-code]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')))).toEqual(['badge-spoofed', 'badge-spoofed']);
    // The popup cannot point into the page: no "show on page", but each finding can be disputed.
    expect(await page.getByRole('button', { name: '在页面上显示' }).count()).toBe(0);
    expect(await findings.getByRole('button', { name: '这条提醒有误' }).count()).toBe(2);
    expect(await page.getByRole('region', { name: '页面上的证照号码' }).innerText()).toContain('91440300MA5G8N2T36');
    expect(await page.getByRole('link', { name: '我的举报' }).getAttribute('href')).toBe('../report/my-reports.html');
  });

  it('opens the report form for the tab, a dispute for one finding, and the options', async () => {
    const { page, worker, apiCalls } = await popup(withVerdict('invalid-code.html'));
    await page.locator('[data-code="psb-province-mismatch"]').getByRole('button', { name: '这条提醒有误' }).click();
    await page.getByRole('button', { name: '举报这家店' }).click();
    await expect.poll(() => worker.sent('openReportPage').length).toBe(2);
    expect(worker.sent('openReportPage')).toEqual([
      { tabId: TAB, dispute: 'psb-province-mismatch', title: null },
      { tabId: TAB, dispute: null, title: null },
    ]);
    await page.getByRole('button', { name: '设置' }).click();
    await expect.poll(() => apiCalls.map((c) => c.name)).toContain('runtime.openOptionsPage');
  });

  it('says when there is no verdict, and when the site is allowlisted', async () => {
    const none = await popup(new FakeWorker());
    expect(await none.page.locator('#root').getAttribute('data-level')).toBe('none');
    expect(await none.page.locator('.lz-empty').innerText()).toContain('这个标签页还没有检测结果');
    expect(await none.page.getByRole('button', { name: '举报这家店' }).count()).toBe(0);

    const worker = new FakeWorker();
    worker.verdicts.set(TAB, { url: 'https://shop.example.cn/', result: null, allowlisted: '*.example.cn', reportedAt: Date.now() });
    const allowlisted = await popup(worker);
    expect(await allowlisted.page.locator('.lz-empty').innerText()).toBe('此网站在你的“不检查的网站”中（*.example.cn），未检查。');
  });

  it('offers to show the panel again on a site where it was hidden', async () => {
    const worker = withVerdict('borrowed-license.html');
    worker.dismissed = ['shop.example.cn'];
    const { page } = await popup(worker);
    await page.getByRole('button', { name: '重新显示面板' }).click();
    await expect.poll(() => worker.sent('undismissSite')).toEqual([{ host: 'shop.example.cn' }]);
    await expect.poll(() => page.getByRole('button', { name: '重新显示面板' }).count()).toBe(0);
  });

  it('follows the language chosen in the options, else the browser’s', async () => {
    const english = withVerdict('spoofed-badge.html');
    english.settings = { ...english.settings, language: 'en' };
    const en = await popup(english);
    expect(await en.page.locator('.lz-title').innerText()).toMatch(/^High risk/);
    expect(await en.page.locator('html').getAttribute('lang')).toBe('en');

    const auto = withVerdict('spoofed-badge.html');
    auto.settings = { ...auto.settings, language: 'auto' };
    const tw = await popup(auto, { uiLanguage: 'zh-TW' });
    expect(await tw.page.locator('.lz-title').innerText()).toMatch(/^高風險/);
    expect(await tw.page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW');
  });

  it('has no serious or critical axe-core violation, light or dark, at every level and with no verdict', async () => {
    for (const demo of ['spoofed-badge.html', 'invalid-code.html', 'borrowed-license.html', 'clean-shop.html', null]) {
      const worker = new FakeWorker();
      if (demo) worker.verdicts.set(TAB, demoVerdict(demo));
      const { page } = await popup(worker);
      expect(await axeBothSchemes(page), String(demo)).toEqual({ light: [], dark: [] });
    }
  });
});
