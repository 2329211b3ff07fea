import { describe, expect, it } from 'vitest';
import { BROWSERS, poll, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ShopTab } from './driver/all';
import { dangerBandRows, decodePng } from './harness/png';

/** Rows of our red danger header in what the user sees of the tab, once it shows (or the wait is over). */
async function dangerRows(tab: ShopTab): Promise<number> {
  return dangerBandRows(await poll(async () => decodePng(await tab.screenshot()), (s) => dangerBandRows(s) > 40, { timeoutMs: 15_000, everyMs: 250 }));
}

/** cover-panel.html covers the page (and our panel) with its own top-layer element `after` ms after load. */
const covered = (tab: ShopTab) => tab.waitForFunction(() => (window as unknown as { __cover: { at: number } }).__cover.at > 0, undefined, 30_000);

interface ActionApi {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/**
 * Issue 15, item 3: a page that opens its own popover or modal <dialog> after our panel, to draw a
 * fake "✓ 已核验" pill over the danger panel or hide it.
 */
describe.each(BROWSERS)('%s: the panel stays on top', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name);

  it.each(['late', 'full', 'dialog'])('a page that opens a %s cover after our danger panel: the panel is put back on top', async (mode) => {
    const tab = await driver().openTab(server().url(`/e2e/cover-panel.html?mode=${mode}&after=4000`));
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await covered(tab);
    // The page's cover really is open (besides our own host)…
    expect(await tab.evaluate(() => document.querySelectorAll(':modal, :popover-open').length)).toBeGreaterThan(1);
    // …and our red danger header is what the user sees.
    expect(await dangerRows(tab)).toBeGreaterThan(40);
    await tab.close();
  });

  it('a page that keeps covering the panel: the toolbar badge, which it cannot cover, pulses an alert', async () => {
    const tab = await driver().openTab(server().url('/e2e/cover-panel.html?mode=fight&after=4000'));
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
    await covered(tab);
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).level).toBe('danger');
    const tabId = await driver().tabId(tab);
    // The badge as the browser shows it, read from an extension page (the toolbar is not in the page).
    const reader = await driver().extensionPage(`extension/popup/popup.html?tabId=${tabId}`);
    const badge = () =>
      reader.evaluate(async (id) => {
        const g = globalThis as unknown as { browser?: ActionApi; chrome?: ActionApi };
        return (g.browser ?? g.chrome)!.action.getBadgeText({ tabId: id });
      }, tabId);
    const seen = new Set<string>();
    await poll(
      async () => seen.add(await badge()),
      () => seen.has('!!'),
      { timeoutMs: 20_000, everyMs: 200 },
    );
    expect([...seen]).toContain('!!');
    await reader.close();
    await tab.close();
  });
});
