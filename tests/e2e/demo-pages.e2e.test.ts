import { describe, expect, it } from 'vitest';
import { BROWSERS, findInPanel, poll, useDriver, useFixtureServer, waitForPanel, waitForToolbar } from './driver/all';
import { pageView } from './harness/page-view';
import { dangerBandRows, decodePng } from './harness/png';

// What each demo store page must produce (tests/fixtures/demo/expected.json is the engine's side).
// A warning opens as the compact card (its top finding; "查看全部" shows them all); nothing found wrong shows nothing on the page.
const CASES = [
  { page: 'spoofed-badge.html', level: 'danger', badge: '!', color: [197, 34, 31, 255], codes: ['badge-spoofed', 'badge-spoofed'] },
  { page: 'borrowed-license.html', level: 'danger', badge: '!', color: [197, 34, 31, 255], codes: ['badge-mismatch'] },
  { page: 'invalid-code.html', level: 'warning', badge: '!', color: [181, 71, 8, 255], codes: ['id-invalid', 'psb-province-mismatch'] },
] as const;

describe.each(BROWSERS)('%s: demo store pages', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name);

  for (const c of CASES) {
    it(`${c.page}: panel, toolbar badge and popup say ${c.level}; the page cannot look inside`, async () => {
      const tab = await driver().openTab(server().url(`/demo/${c.page}`));
      const first = await waitForPanel(tab, (p) => p?.level === c.level && p.expanded);
      // A compact card (a warning, or danger where the whole panel would cover a buy button) shows
      // its top finding and "查看全部", which shows them all.
      const viewAll = findInPanel(first, (a) => a['data-action'] === 'view-all');
      if (viewAll) await tab.clickPanel(viewAll);
      const panel = viewAll ? await waitForPanel(tab, (p) => !!p && !findInPanel(p, (a) => a['data-action'] === 'view-all')) : first;
      expect(panel?.level).toBe(c.level);
      expect(panel?.shadowMode).toBe('closed');
      expect(panel?.tag).toMatch(/^LZ-[0-9A-Z]{6}$/);
      expect([...panel!.findingCodes].sort()).toEqual([...c.codes].sort());
      expect(await tab.evaluate(pageView)).toEqual({ tag: panel!.tag, shadowRoot: 'hidden', text: '' });

      const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === c.level);
      expect(toolbar.level).toBe(c.level);
      expect(toolbar.badge).toEqual({ text: c.badge, color: c.color });

      // The level as the shopper sees it: the expanded danger header in red.
      if (c.level === 'danger') {
        const shot = await poll(async () => decodePng(await tab.screenshot()), (s) => dangerBandRows(s) > 40);
        expect(dangerBandRows(shot)).toBeGreaterThan(40);
      }
      await tab.close();
    });
  }

  it('clean-shop.html: nothing on the page; the toolbar counts the numbers read on a neutral slate, never a ✓ or green', async () => {
    const tab = await driver().openTab(server().url('/demo/clean-shop.html'));
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === 'ok');
    expect(toolbar.badge).toEqual({ text: expect.stringMatching(/^[1-9]\d*$/), color: [79, 91, 107, 255] });
    expect(toolbar.text).not.toContain('✓');
    expect(await tab.panel()).toBeNull();
    expect(await tab.evaluate(pageView)).toBeNull();
    const shot = decodePng(await tab.screenshot());
    expect(dangerBandRows(shot)).toBe(0);
    await tab.close();
  });

  it('index.html (no identifiers): no panel, empty badge, popup says none', async () => {
    const tab = await driver().openTab(server().url('/demo/index.html'));
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.seen);
    expect(toolbar.seen).toBe(true);
    expect(toolbar.level).toBe('none');
    expect(toolbar.badge.text).toBe('');
    // The verdict has arrived, and with it no reason for a panel.
    expect(await tab.panel()).toBeNull();
    expect(await tab.evaluate(pageView)).toBeNull();
    await tab.close();
  });
});
