import { describe, expect, it } from 'vitest';
import { BROWSERS, poll, useDriver, useFixtureServer, waitForPanel, waitForToolbar } from './driver/all';
import { pageView } from './harness/page-view';
import { countColor, dangerBandRows, decodePng } from './harness/png';

// What each demo store page must produce (tests/fixtures/demo/expected.json is the engine's side).
const CASES = [
  { page: 'spoofed-badge.html', level: 'danger', badge: '!', color: [217, 48, 37, 255], codes: ['badge-spoofed', 'badge-spoofed'], expanded: true },
  { page: 'borrowed-license.html', level: 'danger', badge: '!', color: [217, 48, 37, 255], codes: ['badge-mismatch'], expanded: true },
  { page: 'invalid-code.html', level: 'warning', badge: '!', color: [232, 113, 10, 255], codes: ['id-invalid', 'psb-province-mismatch'], expanded: true },
  { page: 'clean-shop.html', level: 'ok', badge: '✓', color: [24, 128, 56, 255], codes: [], expanded: false },
] as const;

describe.each(BROWSERS)('%s: demo store pages', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name);

  for (const c of CASES) {
    it(`${c.page}: panel, toolbar badge and popup say ${c.level}; the page cannot look inside`, async () => {
      const tab = await driver().openTab(server().url(`/demo/${c.page}`));
      const panel = await waitForPanel(tab, (p) => p?.level === c.level);
      expect(panel?.level).toBe(c.level);
      expect(panel?.shadowMode).toBe('closed');
      expect(panel?.tag).toMatch(/^LZ-[0-9A-Z]{6}$/);
      expect(panel?.expanded).toBe(c.expanded);
      if (c.expanded) expect([...panel!.findingCodes].sort()).toEqual([...c.codes].sort());
      expect(await tab.evaluate(pageView)).toEqual({ tag: panel!.tag, shadowRoot: 'hidden', text: '' });

      const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === c.level);
      expect(toolbar.level).toBe(c.level);
      expect(toolbar.badge).toEqual({ text: c.badge, color: c.color });

      // The level as the shopper sees it: the expanded danger header in red, or the quiet green shield.
      if (c.level === 'danger') {
        const shot = await poll(async () => decodePng(await tab.screenshot()), (s) => dangerBandRows(s) > 40);
        expect(dangerBandRows(shot)).toBeGreaterThan(40);
      }
      if (c.level === 'ok') {
        const green = (s: ReturnType<typeof decodePng>) => countColor(s, [24, 128, 56], { x: s.width - 200, y: s.height - 80, w: 200, h: 80 });
        const shot = await poll(async () => decodePng(await tab.screenshot()), (s) => green(s) > 80);
        expect(green(shot)).toBeGreaterThan(80);
        expect(dangerBandRows(shot)).toBe(0);
      }
      await tab.close();
    });
  }

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
