import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, popupLevel, toolbarBadge, waitForVerdict, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { waitForPanel } from './harness/panel-probe';

// What each demo store page must produce (tests/fixtures/demo/expected.json is the engine's side).
const CASES = [
  { page: 'spoofed-badge.html', level: 'danger', badge: '!', color: [217, 48, 37, 255], codes: ['badge-spoofed', 'badge-spoofed'], expanded: true },
  { page: 'borrowed-license.html', level: 'danger', badge: '!', color: [217, 48, 37, 255], codes: ['badge-mismatch'], expanded: true },
  { page: 'invalid-code.html', level: 'warning', badge: '!', color: [232, 113, 10, 255], codes: ['id-invalid', 'psb-province-mismatch'], expanded: true },
  { page: 'clean-shop.html', level: 'ok', badge: '✓', color: [24, 128, 56, 255], codes: [], expanded: false },
] as const;

describe('Chromium: demo store pages', () => {
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

  for (const c of CASES) {
    it(`${c.page}: panel, toolbar badge and popup say ${c.level}`, async () => {
      const page = await ext.context.newPage();
      const url = server.url(`/demo/${c.page}`);
      await page.goto(url);
      const panel = await waitForPanel(page, (p) => p?.level === c.level);
      expect(panel?.level).toBe(c.level);
      expect(panel?.shadowRootType).toBe('closed');
      expect(panel?.tag).toMatch(/^LZ-[0-9A-Z]{6}$/);
      expect(panel?.expanded).toBe(c.expanded);
      if (c.expanded) expect([...panel!.findingCodes].sort()).toEqual([...c.codes].sort());

      const verdict = await waitForVerdict(ext, url, (v) => v.level === c.level);
      expect(verdict?.level).toBe(c.level);
      const badge = await toolbarBadge(ext, verdict!.tabId);
      expect(badge.text).toBe(c.badge);
      expect(badge.color).toEqual(c.color);

      const popup = await popupLevel(ext, verdict!.tabId);
      expect(popup.level).toBe(c.level);
      await popup.page.close();
      await page.close();
    });
  }

  it('index.html (no identifiers): no panel, empty badge, popup says none', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/demo/index.html');
    await page.goto(url);
    const verdict = await waitForVerdict(ext, url, (v) => v.level !== null);
    expect(verdict?.level).toBe('none');
    expect(await waitForPanel(page, (p) => p === null, 1000)).toBeNull();
    expect((await toolbarBadge(ext, verdict!.tabId)).text).toBe('');
    const popup = await popupLevel(ext, verdict!.tabId);
    expect(popup.level).toBe('none');
    await popup.page.close();
    await page.close();
  });
});
