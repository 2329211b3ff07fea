import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, tabVerdict, toolbarBadge, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { dangerBandRows, decodePng } from './harness/png';
import { waitForPanel } from './harness/panel-probe';

/** Issue 15, item 3: a page that opens its own popover, modal dialog or full-viewport popover after our panel. */
async function dangerVisible(page: Page, timeoutMs = 8000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let rows = 0;
  while (Date.now() < end && rows <= 40) {
    rows = dangerBandRows(decodePng(await page.screenshot({ type: 'png' })));
    if (rows <= 40) await page.waitForTimeout(250);
  }
  return rows;
}

const covered = (page: Page) => page.waitForFunction(() => (window as unknown as { __cover: { at: number } }).__cover.at > 0, undefined, { timeout: 20_000 });

describe('Chromium: the panel stays on top', () => {
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

  it.each(['late', 'full', 'dialog'])('a page that opens a %s cover after our danger panel: the panel is put back on top', async (mode) => {
    const page = await ext.context.newPage();
    await page.goto(server.url(`/e2e/cover-panel.html?mode=${mode}`));
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await covered(page);
    // The page's cover really is open…
    expect(await page.evaluate(() => document.querySelectorAll(':modal, :popover-open').length)).toBeGreaterThan(1);
    // …and our red danger header is what shows.
    expect(await dangerVisible(page)).toBeGreaterThan(40);
    await page.close();
  });

  it('a page that keeps covering the panel: the toolbar badge, which it cannot cover, pulses an alert', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/e2e/cover-panel.html?mode=fight');
    await page.goto(url);
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await covered(page);
    const tab = await tabVerdict(ext, url);
    const seen = new Set<string>();
    const end = Date.now() + 15_000;
    while (Date.now() < end && !seen.has('!!')) {
      seen.add((await toolbarBadge(ext, tab!.tabId)).text);
      await page.waitForTimeout(200);
    }
    expect(seen).toContain('!!');
    await page.close();
  });
});
