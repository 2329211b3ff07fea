import { describe, expect, it } from 'vitest';
import { axeBothSchemes } from './harness/axe';
import { useSurfaces } from './harness/use-surface';

/** The panel (extension/panel) on the demo shop pages, scanned in the page by the real engine. */
describe('the panel', () => {
  const surfaces = useSurfaces();
  const openPanel = async (demo: string, query = '', viewport?: { width: number; height: number }) => {
    const s = await surfaces.open((server) => server.panelUrl(demo, query));
    if (viewport) await s.page.setViewportSize(viewport);
    await s.page.waitForFunction(() => document.documentElement.dataset.lzPanel !== undefined);
    expect(await s.page.evaluate(() => document.documentElement.dataset.lzPanel)).not.toBe('error');
    return s;
  };
  const box = (page: import('playwright-core').Page) => page.locator('.lz-panel').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);

  it('opens whole on danger with the level as its heading and the safe way out first', async () => {
    const { page, worker } = await openPanel('spoofed-badge.html');
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板：高风险' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe('高风险');
    // The content's first action is the safe one; going on is there, quietly, after it.
    const actions = await dialog.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).filter((a) => a !== 'dock' && a !== 'collapse'));
    expect(actions.slice(0, 3)).toEqual(['leave', 'check-first', 'proceed']);
    expect(await dialog.getByRole('button', { name: '离开这个页面' }).count()).toBe(1);
    // A spoofed 亮照 badge is checked where its kind is: gsxt, with the code the badge carries.
    expect(await dialog.getByRole('link', { name: '先别付款，去官方网站核实' }).getAttribute('href')).toBe('https://www.gsxt.gov.cn');
    await dialog.getByRole('button', { name: '离开这个页面' }).click();
    await expect.poll(() => worker.sent('leavePage')).toEqual([{}]);
  });

  it('announces danger through a live region filled after it is in the page, in its language', async () => {
    const { page } = await openPanel('spoofed-badge.html');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^亮照卫士：高风险。店铺资质有明显问题/);
    const en = await openPanel('spoofed-badge.html', '?lang=en');
    await expect.poll(() => en.page.getByRole('alert').innerText()).toMatch(/^Liangzhao Guard: High risk\. /);
    expect(await en.page.getByRole('dialog', { name: 'Liangzhao Guard risk panel: High risk' }).count()).toBe(1);
  });

  it('opens a danger page as the compact card when the whole panel would cover the page’s buy buttons', async () => {
    const { page } = await openPanel('spoofed-badge.html');
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板：高风险' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const covered = await page.evaluate(() => {
      const host = document.querySelector('lz-test-panel')!.shadowRoot!.querySelector('.lz-panel')!.getBoundingClientRect();
      return [...document.querySelectorAll('button')].filter((b) => /立即|购买|抢购/.test(b.textContent ?? '')).some((b) => {
        const r = b.getBoundingClientRect();
        return r.right > host.left && r.left < host.right && r.bottom > host.top && r.top < host.bottom;
      });
    });
    expect(covered).toBe(false);
    expect(await dialog.getByRole('button', { name: '离开这个页面' }).count()).toBe(1);
    expect(await page.locator('.lz-panel').getAttribute('data-view')).toBe('compact');
  });

  it('names each finding’s buttons after the finding, and does not list a badge again that a finding shows', async () => {
    const { page } = await openPanel('spoofed-badge.html', '?place=0');
    const findings = page.getByRole('region', { name: '发现的问题' }).locator('[data-code]');
    expect(await findings.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')))).toEqual(['badge-spoofed', 'badge-spoofed']);
    const first = findings.first();
    const message = await first.locator('.lz-msg').evaluate((el) => el.lastChild!.textContent!);
    expect(await first.getByRole('button', { name: `在页面上显示：${message}` }).count()).toBe(1);
    expect(await first.getByRole('button', { name: `这条提醒有误：${message}` }).count()).toBe(1);
    // Visible text and accessible name agree: the name starts with the words on the button.
    for (const b of await page.locator('.lz-panel button').all()) {
      const [text, name] = await b.evaluate((el) => [(el as HTMLElement).innerText.trim(), el.getAttribute('aria-label')]);
      if (text && name && /\p{L}/u.test(text)) expect(name.startsWith(text), `${text} / ${name}`).toBe(true);
    }
    // Where to check what the badge claims sits on its finding; the badges section holds no spoofed badge.
    expect(await first.getByRole('link', { name: '复制号码，打开国家企业信用信息公示系统' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '亮照与备案标识' }).count()).toBe(0);
  });

  it('"在页面上显示" scrolls to the evidence and outlines it', async () => {
    const { page } = await openPanel('spoofed-badge.html', '?place=0');
    const target = await page.evaluate(() => {
      const badge = document.querySelector('a[href*="gsxt-verify"]')!;
      document.body.style.paddingTop = '3000px'; // the evidence below the fold
      scrollTo(0, 0);
      return badge.getBoundingClientRect().top > innerHeight;
    });
    expect(target).toBe(true);
    await page.getByRole('button', { name: /^在页面上显示：/ }).first().click();
    await page.waitForFunction(() => {
      const r = document.querySelector('a[href*="gsxt-verify"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(await page.locator('.lz-mark').count()).toBe(1);
  });

  it('opens a warning as a compact card: the top finding and "查看全部"', async () => {
    const { page } = await openPanel('invalid-code.html');
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板：可疑' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('.lz-panel').getAttribute('data-view')).toBe('compact');
    expect(await dialog.locator('[data-code]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')))).toEqual(['id-invalid']);
    expect((await box(page)).height).toBeLessThanOrEqual(240);
    // "查看全部" is in view inside the card, not scrolled away under its top finding.
    const inView = await page.evaluate(() => {
      const root = document.querySelector('lz-test-panel')!.shadowRoot!;
      const scroll = root.querySelector('.lz-scroll')!.getBoundingClientRect();
      const r = root.querySelector('[data-action="view-all"]')!.getBoundingClientRect();
      return r.top >= scroll.top && r.bottom <= scroll.bottom + 0.5;
    });
    expect(inView).toBe(true);
    await dialog.getByRole('button', { name: /^查看全部/ }).click();
    expect(await page.locator('.lz-panel').getAttribute('data-view')).toBe('full');
    expect(await dialog.locator('.lz-card[data-code]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')).sort())).toEqual(['id-invalid', 'psb-province-mismatch']);
  });

  it('groups the numbers by company and folds the well-formed ones into one row', async () => {
    const { page } = await openPanel('clean-shop.html');
    await page.getByRole('button', { name: /^亮照卫士：未发现问题/ }).click();
    const numbers = page.getByRole('region', { name: '页面上的证照号码' });
    const company = numbers.getByRole('group', { name: '广州青禾生活用品有限公司' });
    expect(await company.locator('.lz-company-label').innerText()).toBe('页面所写的企业');
    expect(await company.locator('li[data-kind="uscc"] .lz-id-value').innerText()).toBe('91440101MA5CKX2R1G');
    const more = company.locator('details.lz-passed');
    expect(await more.locator('summary').innerText()).toBe('另有 3 个号码格式正确');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // A food permit is found on gsxt under its holder: the lookup copies the company's name, not the number.
    await more.locator('summary').click();
    expect(await more.locator('li[data-kind="food-business"]').getByRole('link').allInnerTexts()).toEqual(['复制企业名称，打开国家企业信用信息公示系统']);
    // 信用中国 opens its search with the parameters of its own search page.
    const cc = new URL((await company.locator('li[data-kind="uscc"] a[data-site="creditchina"]').getAttribute('href'))!);
    expect(cc.searchParams.get('tableName')).toBe('credit_xyzx_tyshxydm');
    expect(cc.searchParams.get('keyword')).toBe('91440101MA5CKX2R1G');
  });

  it('sends what the content session sends: report, dispute, hide (asked once on danger), dock', async () => {
    const { page, worker } = await openPanel('spoofed-badge.html', '?place=0');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^这条提醒有误：/ }).first().click();
    await dialog.getByRole('button', { name: '举报这家店' }).click();
    await expect.poll(() => worker.sent('openReportPage').length).toBe(2);
    const title = await page.title();
    expect(worker.sent('openReportPage')).toEqual([
      { tabId: null, dispute: 'badge-spoofed', title },
      { tabId: null, dispute: null, title },
    ]);
    await dialog.getByRole('button', { name: '在此网站隐藏' }).click();
    expect(worker.sent('dismissSite')).toEqual([]);
    await dialog.getByRole('button', { name: '仍要隐藏' }).click();
    await expect.poll(() => worker.sent('dismissSite')).toEqual([{ host: '127.0.0.1' }]);

    const docked = await openPanel('spoofed-badge.html', '?place=0');
    expect((await box(docked.page)).right).toBeGreaterThan(900);
    await docked.page.getByRole('button', { name: '移到左侧' }).click();
    await expect.poll(() => docked.worker.sent('setPanelSide')).toEqual([{ side: 'left' }]);
    expect((await box(docked.page)).left).toBeLessThan(20);
  });

  it('is a bottom sheet with a handle in a 400-px window, at most half its height', async () => {
    const { page } = await openPanel('spoofed-badge.html', '', { width: 400, height: 800 });
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    const r = await box(page);
    expect([r.left, r.right, r.bottom]).toEqual([0, 400, 800]);
    expect(r.height).toBeLessThanOrEqual(400);
    expect(await page.getByRole('button', { name: '拖动或点击以展开、收起面板' }).isVisible()).toBe(true);
  });

  it('on a page where nothing is wrong says what it read and that no list was asked; Escape returns the focus', async () => {
    const { page } = await openPanel('clean-shop.html');
    const pill = page.getByRole('button', { name: /^亮照卫士：未发现问题/ });
    await expect.poll(() => pill.isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await pill.click();
    const dialog = page.getByRole('dialog', { name: '亮照卫士风险面板：未发现问题' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.lz-head').innerText()).toContain('已读取证照号码，未核对名单');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await pill.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
  });

  it('speaks the language it is given', async () => {
    const en = await openPanel('spoofed-badge.html', '?lang=en&place=0');
    expect(await en.page.getByRole('dialog').getByRole('button', { name: /^Show on page/ }).count()).toBe(2);
    expect(await en.page.getByRole('dialog').getByRole('heading', { level: 2 }).innerText()).toBe('High risk');
    const tw = await openPanel('spoofed-badge.html', '?lang=zh-TW&place=0');
    expect(await tw.page.getByRole('dialog').getByRole('heading', { level: 2 }).innerText()).toBe('高風險');
    expect(await tw.page.getByRole('dialog').getByRole('button', { name: /^在頁面上顯示/ }).count()).toBe(2);
  });

  it('has no serious or critical axe-core violation, light or dark: danger, compact, full, the small badge, the sheet', async () => {
    const cases: [string, string, { width: number; height: number } | undefined, ((p: import('playwright-core').Page) => Promise<void>) | undefined][] = [
      ['spoofed-badge.html', '', undefined, undefined],
      ['spoofed-badge.html', '?place=0', undefined, undefined],
      ['invalid-code.html', '', undefined, undefined],
      ['invalid-code.html', '', undefined, (p) => p.getByRole('button', { name: /^查看全部/ }).click()],
      ['clean-shop.html', '', undefined, undefined],
      ['clean-shop.html', '', undefined, async (p) => {
        await p.getByRole('button', { name: /^亮照卫士：未发现问题/ }).click();
        await p.locator('details.lz-passed summary').click();
      }],
      ['borrowed-license.html', '', { width: 400, height: 800 }, undefined],
    ];
    for (const [demo, query, viewport, before] of cases) {
      const { page } = await openPanel(demo, query, viewport);
      await page.locator('.lz-layer').waitFor();
      if (before) await before(page);
      expect(await axeBothSchemes(page, 'lz-test-panel'), `${demo}${query}`).toEqual({ light: [], dark: [] });
    }
  });
});
