import { describe, expect, it } from 'vitest';
import { axeBothSchemes } from './harness/axe';
import { FakeWorker } from './harness/fake-worker';
import { useSurfaces } from './harness/use-surface';

/** The options page (extension/options), with settings kept by the fake worker. */
describe('the options page', () => {
  const surfaces = useSurfaces();
  const options = async (worker = new FakeWorker()) => {
    const s = await surfaces.open((server) => server.url('options'), worker);
    await s.page.waitForSelector('.lz-options');
    return s;
  };

  it('has every section, headed and in the chosen language', async () => {
    const { page } = await options();
    expect(await page.locator('h1').innerText()).toBe('亮照卫士设置');
    expect(await page.title()).toBe('亮照卫士设置');
    // In a shopper's order: language, when the panel opens, protection status, my lists, advanced, data.
    expect(await page.locator('h2').allInnerTexts()).toEqual(['界面语言', '面板何时打开', '保护状态', '我的名单', '高级', '扩展保存了哪些数据']);
    const advanced = await page.locator('[data-group="advanced"] h3').allInnerTexts();
    expect(advanced).toEqual(['名单（黑名单与信用数据）', '屏蔽与标记', '举报接收地址', '不检查的网站']);
    for (const h of ['面板何时自动展开', '已隐藏面板的网站', '本次浏览中“仍要访问”的网站']) expect(await page.locator('h3').allInnerTexts(), h).toContain(h);
    for (const section of ['feeds', 'blocking', 'continued-sites', 'personal-lists', 'hidden-warnings', 'report-endpoints']) expect(await page.locator(`[data-section="${section}"]`).count(), section).toBe(1);
    expect(await page.getByRole('combobox', { name: '界面语言' }).inputValue()).toBe('zh-CN');
    expect(await page.getByRole('radiogroup', { name: '面板何时自动展开' }).getByRole('radio').count()).toBe(2);
    expect(await page.locator('input[name="quietPill"]').isChecked()).toBe(false); // good pages: nothing on the page
    expect(await page.locator('[data-empty="feeds"]').innerText()).toContain('尚未订阅数据源');
  });

  it('blocking per kind of list: the keeper\'s choice named, the shopper\'s own saved; the sites continued to, each blocked again on request', async () => {
    const worker = new FakeWorker();
    worker.continued = [
      { site: 'scam.example.com', at: 1, lists: 'f@1' },
      { site: 'fake.example.org', at: 2, lists: 'f@1' },
    ];
    const { page } = await options(worker);
    await page.waitForSelector('[data-section="blocking"]');
    const scam = page.getByRole('combobox', { name: '假冒/钓鱼网站名单' });
    expect(await scam.inputValue()).toBe('');
    expect(await scam.locator('option').allInnerTexts()).toEqual(['按发布者的选择（屏蔽）', '屏蔽', '标记', '仅提示']);
    expect(await page.getByRole('combobox', { name: '经营异常名录' }).locator('option').first().innerText()).toBe('按发布者的选择（标记）');
    await scam.selectOption('mark');
    await page.getByRole('combobox', { name: '严重违法失信名单' }).selectOption('inform');
    await page.waitForFunction(() => (document.querySelector('select[name="serious-dishonest"]') as HTMLSelectElement | null)?.value === 'inform');
    expect(worker.sent('saveBlockPreferences').at(-1)?.prefs.lists).toEqual({ 'fraud-domain': 'mark', 'serious-dishonest': 'inform' });
    expect(worker.blockPrefs.lists).toEqual({ 'fraud-domain': 'mark', 'serious-dishonest': 'inform' });
    // Back to the keeper's choice: the kind is no longer named.
    await scam.selectOption('');
    await page.waitForFunction(() => (document.querySelector('select[name="fraud-domain"]') as HTMLSelectElement | null)?.value === '');
    expect(worker.blockPrefs.lists).toEqual({ 'serious-dishonest': 'inform' });

    const continued = page.locator('[data-list="continued-sites"]');
    expect(await continued.locator('li').allInnerTexts()).toEqual([expect.stringContaining('scam.example.com'), expect.stringContaining('fake.example.org')]);
    await continued.locator('[data-site="scam.example.com"]').getByRole('button', { name: '恢复拦截' }).click();
    await page.waitForSelector('[data-site="scam.example.com"]', { state: 'detached' });
    expect(worker.sent('forgetContinuedSites')).toEqual([{ sites: ['scam.example.com'] }]);
    await page.getByRole('button', { name: '全部恢复拦截' }).click();
    await page.waitForSelector('[data-empty="continued-sites"]');
    expect(worker.continued).toEqual([]);
  });

  it('switches language: saves it and shows the page again in it', async () => {
    const { page, worker } = await options();
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('zh-TW');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW');
    expect(await page.locator('h1').innerText()).toBe('亮照衛士設定');
    await page.getByRole('combobox', { name: '介面語言' }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').innerText()).toBe('Liangzhao Guard settings');
    expect(worker.sent('saveSettings').map((p) => p.settings.language)).toEqual(['zh-TW', 'en']);
  });

  it('checks an allowlist entry before saving it, and removes it again', async () => {
    const { page, worker } = await options();
    const section = page.locator('[data-section="not-checked"]');
    const field = section.getByRole('textbox', { name: '不检查的网站' });
    await field.fill('not a host!');
    await section.getByRole('button', { name: '添加' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('“not a host!”不是有效的网站名。');
    expect(worker.sent('saveSettings')).toEqual([]);
    await field.fill('https://shop.example.cn/some/path');
    await section.getByRole('button', { name: '添加' }).click();
    await page.waitForSelector('[data-list="allowlist"] li');
    expect(worker.settings.allowlist).toEqual(['shop.example.cn']);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '移除 shop.example.cn' }).click();
    await page.waitForSelector('[data-list="allowlist"]', { state: 'detached' });
    expect(worker.settings.allowlist).toEqual([]);
  });

  it('lists sites where the panel is hidden, and brings it back', async () => {
    const worker = new FakeWorker();
    worker.dismissed = ['shop.example.cn'];
    const { page } = await options(worker);
    expect(await page.locator('[data-list="dismissed"]').innerText()).toContain('shop.example.cn');
    await page.getByRole('button', { name: '移除 shop.example.cn' }).click();
    await page.waitForSelector('[data-list="dismissed"]', { state: 'detached' });
    expect(worker.sent('undismissSite')).toEqual([{ host: 'shop.example.cn' }]);
  });

  it('says what data it keeps, and clears it', async () => {
    const worker = new FakeWorker();
    worker.on('getStoredDataSummary', () => ({ ...worker.summary(), tabVerdicts: 3, hiddenWarnings: 2, personalEntries: 1 }));
    const { page } = await options(worker);
    const data = page.locator('.lz-data');
    expect(await data.innerText()).toContain('当前打开的标签页的检测结果：3 个（关闭标签页或浏览器时删除）');
    expect(await data.innerText()).toContain('你隐藏的警告：2 条');
    await page.getByRole('button', { name: '清除这些数据' }).click();
    await page.getByText('已清除。').waitFor();
    expect(worker.sent('clearStoredData')).toEqual([{}]);
    expect(await data.innerText()).toContain('当前打开的标签页的检测结果：0 个');
  });

  it('adds a report endpoint and refuses one the worker refuses', async () => {
    const worker = new FakeWorker();
    worker.on('saveReportEndpoints', ({ endpoints }) => {
      if (endpoints.some((e) => e.startsWith('ftp:'))) throw new Error('saveReportEndpoints: not an http(s) URL');
      return { endpoints: (worker.endpoints = endpoints) };
    });
    const { page } = await options(worker);
    const field = page.getByRole('textbox', { name: '举报接收地址' });
    await field.fill('https://reports.example.org/reports');
    await field.press('Enter');
    await page.waitForSelector('[data-list="endpoints"] li');
    expect(worker.endpoints).toEqual(['https://reports.example.org/reports']);
    await field.fill('ftp://reports.example.org/');
    await field.press('Enter');
    await page.getByText(/^无法添加：/).waitFor();
    expect(worker.endpoints).toEqual(['https://reports.example.org/reports']);
  });

  it('has no serious or critical axe-core violation, light or dark', async () => {
    const { page } = await options();
    expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
  });
});
