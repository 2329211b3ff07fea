import { describe, expect, it } from 'vitest';
import { useSurfaces } from './harness/use-surface';

/** The panel (extension/panel) on the demo shop pages, scanned in the page by the real engine. */
describe('the panel', () => {
  const surfaces = useSurfaces();
  const openPanel = async (demo: string, query = '') => {
    const s = await surfaces.open((server) => server.panelUrl(demo, query));
    await s.page.waitForFunction(() => document.documentElement.dataset.lzPanel !== undefined);
    expect(await s.page.evaluate(() => document.documentElement.dataset.lzPanel)).not.toBe('error');
    return s;
  };

  it('opens by itself on danger with the level, each finding, and its buttons named', async () => {
    const { page } = await openPanel('spoofed-badge.html');
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('.lz[data-level]').getAttribute('data-level')).toBe('danger');
    expect(await dialog.getByRole('status').innerText()).toBe('高风险：店铺资质有明显问题');
    const findings = dialog.getByRole('region', { name: '发现的问题' }).locator('[data-code]');
    expect(await findings.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')))).toEqual(['badge-spoofed', 'badge-spoofed']);
    // Each finding points at its evidence on the page and can be disputed.
    expect(await findings.first().getByRole('button', { name: '在页面上显示' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: '在页面上显示' }).count()).toBe(2);
    expect(await dialog.getByRole('button', { name: '这条提醒有误' }).count()).toBe(2);
    for (const name of ['收起面板', '举报这家店', '在此网站不再显示面板（工具栏图标仍会提示）']) expect(await dialog.getByRole('button', { name }).count(), name).toBe(1);
    expect(await dialog.getByRole('region', { name: '亮照与备案标识' }).innerText()).toContain('gsxt-verify.shop-cert.example.com');
  });

  it('"在页面上显示" scrolls to the evidence and outlines it', async () => {
    const { page } = await openPanel('spoofed-badge.html');
    const target = await page.evaluate(() => {
      const badge = document.querySelector('a[href*="gsxt-verify"]')!;
      document.body.style.paddingTop = '3000px'; // the evidence below the fold
      scrollTo(0, 0);
      return badge.getBoundingClientRect().top > innerHeight;
    });
    expect(target).toBe(true);
    await page.getByRole('button', { name: '在页面上显示' }).first().click();
    await page.waitForFunction(() => {
      const r = document.querySelector('a[href*="gsxt-verify"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(await page.locator('.lz-mark').count()).toBe(1);
  });

  it('sends what the content session sends: report, dispute and hide on this site', async () => {
    const { page, worker } = await openPanel('invalid-code.html');
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-code="psb-province-mismatch"]').getByRole('button', { name: '这条提醒有误' }).click();
    await dialog.getByRole('button', { name: '举报这家店' }).click();
    await expect.poll(() => worker.sent('openReportPage').length).toBe(2);
    const title = await page.title();
    expect(worker.sent('openReportPage')).toEqual([
      { tabId: null, dispute: 'psb-province-mismatch', title },
      { tabId: null, dispute: null, title },
    ]);
    await dialog.getByRole('button', { name: '在此网站不再显示面板（工具栏图标仍会提示）' }).click();
    await expect.poll(() => worker.sent('dismissSite')).toEqual([{ host: '127.0.0.1' }]);
  });

  it('shows a warning page its level, its findings and each number with its check and lookup', async () => {
    const { page } = await openPanel('invalid-code.html');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('.lz[data-level]').getAttribute('data-level')).toBe('warning');
    expect(await dialog.locator('[data-code]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')).sort())).toEqual(['id-invalid', 'psb-province-mismatch']);
    const numbers = dialog.getByRole('region', { name: '页面上的证照号码' });
    expect(await numbers.locator('[data-valid="false"]').count()).toBeGreaterThan(0);
    expect(await numbers.locator('a, button').count()).toBeGreaterThan(0); // the official lookups
  });

  it('stays a small named badge on a clean shop; a click opens it, Escape closes it and focus returns', async () => {
    const { page } = await openPanel('clean-shop.html');
    const pill = page.getByRole('button', { name: /^打开亮照卫士面板: / });
    await expect.poll(() => pill.isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await pill.click();
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('status').innerText()).toBe('已找到资质信息，未发现问题');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await pill.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
  });

  it('speaks the language it is given', async () => {
    const en = await openPanel('spoofed-badge.html', '?lang=en');
    expect(await en.page.getByRole('dialog').getByRole('button', { name: 'Show on page' }).count()).toBe(2);
    expect(await en.page.getByRole('status').innerText()).toMatch(/^High risk/);
    const tw = await openPanel('spoofed-badge.html', '?lang=zh-TW');
    expect(await tw.page.getByRole('status').innerText()).toMatch(/^高風險/);
    expect(await tw.page.getByRole('dialog').getByRole('button', { name: '在頁面上顯示' }).count()).toBe(2);
  });
});
