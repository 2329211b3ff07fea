import { describe, expect, it } from 'vitest';
import { BROWSERS, poll, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ShopTab } from './driver/all';
import { hugePage, underStrictCsp } from './harness/fixture-server';
import { dangerBandRows, decodePng } from './harness/png';

const SPOOF = `<footer><p>深圳市潮品优选贸易有限公司 统一社会信用代码：91440300MA5G8N2T36</p>
<a href="http://gsxt-verify.shop-cert.example.com/businessCheck/verifKey.do?showType=p&amp;serial=91440300MA5G8N2T36">电子营业执照 亮照</a></footer>`;

/** What hostile-panel.html's script saw and did. */
interface Spy {
  removed: number;
  restyled: number;
  shadowSeen: boolean;
  textSeen: string;
  runtime: string;
  posted: number;
}
const spyOf = (tab: ShopTab) => tab.evaluate(() => (window as unknown as { __spy: Spy }).__spy);

/**
 * Waits until the page's own 4 ms timer (responsiveness.js) has run `n` times since load or the last
 * reset: the page kept running. How long its longest gap was is a bench figure
 * (scripts/bench-responsiveness.mjs), not a pass/fail condition.
 */
const pageKeptRunning = (tab: ShopTab, n: number, timeoutMs = 30_000) =>
  tab.waitForFunction((min) => (window as unknown as { __gaps: { samples: number } }).__gaps.samples > min, n, timeoutMs);

describe.each(BROWSERS)('%s: hostile pages', (name) => {
  const server = useFixtureServer({
    '/e2e/strict-csp.html': underStrictCsp('spoofed-badge.html'),
    '/e2e/huge.html': (u) => hugePage(Number(u.searchParams.get('n') ?? 200_000), '').replace('<head>', '<head><script src="/e2e/responsiveness.js"></script>'),
  });
  const driver = useDriver(name);

  it('a page that removes our panel every 50 ms gets it back, cannot read it, and cannot reach the extension', async () => {
    const tab = await driver().openTab(server().url('/e2e/hostile-panel.html?mode=interval'));
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
    // The page really did remove it, and flooded window messages the extension does not listen to.
    await tab.waitForFunction(() => (window as unknown as { __spy: Spy }).__spy.removed > 0 && (window as unknown as { __spy: Spy }).__spy.posted > 1000);
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger'); // and it is back
    await pageKeptRunning(tab, 100);
    const spy = await spyOf(tab);
    expect(spy.shadowSeen).toBe(false);
    expect(spy.textSeen).not.toMatch(/高风险|亮照卫士|gsxt-verify/);
    expect(spy.runtime).toBe('none'); // no extension runtime for web pages: privileged messages are out of reach
    if (name === 'chromium') {
      // Our one web-accessible file (the panel module, loaded above) is not there for the page under
      // the extension's real id: only under the per-session dynamic id our content script was given.
      // (Firefox has no fixed id to probe: each install gets a random UUID.)
      const probe = await tab.evaluate(async (origin) => {
        try {
          const res = await fetch(`${origin}/extension/panel/panel.js`);
          return res.ok ? 'readable' : `status ${res.status}`;
        } catch {
          return 'refused';
        }
      }, driver().origin);
      expect(probe).not.toBe('readable');
    }
    await tab.close();
  });

  it('a page that restyles our host gets its style re-asserted; page CSS cannot hide it', async () => {
    const tab = await driver().openTab(server().url('/e2e/hostile-panel.html?mode=restyle'));
    await waitForPanel(tab, (p) => p?.level === 'danger');
    await tab.waitForFunction(() => (window as unknown as { __spy: Spy }).__spy.restyled > 0);
    expect((await tab.panel())?.hostStyle).toContain('display: block !important');
    // What the browser renders for the host, despite the page's !important and @layer rules.
    const css = await tab.evaluate(() => {
      const host = Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-'))!;
      const s = getComputedStyle(host);
      return { display: s.display, visibility: s.visibility, opacity: s.opacity, zIndex: s.zIndex };
    });
    expect(css).toEqual({ display: 'block', visibility: 'visible', opacity: '1', zIndex: '2147483647' });
    await tab.close();
  });

  it('a page that removes strangers in a MutationObserver does not hang (we back off), and the toolbar still warns', async () => {
    const tab = await driver().openTab(server().url('/e2e/hostile-panel.html?mode=observer'));
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).badge.text).toBe('!');
    await tab.waitForFunction(() => (window as unknown as { __spy: Spy }).__spy.removed > 0);
    // The page's timer ran hundreds of times meanwhile: we did not lock it in a microtask loop, and
    // the fight stayed bounded (a loop would remove us thousands of times in that while).
    await pageKeptRunning(tab, 300);
    const spy = await spyOf(tab);
    expect(spy.removed).toBeGreaterThan(0);
    expect(spy.removed).toBeLessThan(200);
    expect((await driver().toolbar(tab)).badge.text).toBe('!');
    await tab.close();
  });

  it('a page flooding mutations keeps running and the panel stays right', async () => {
    const tab = await driver().openTab(server().url('/e2e/mutation-flood.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toEqual(['badge-spoofed']);
    await pageKeptRunning(tab, 200);
    expect((await tab.panel())?.level).toBe('danger');
    await tab.close();
  });

  // Firefox ESR itself needs ~35 s to load and lay out 200,000 nodes on this 2-core machine (with
  // or without us): it gets the 50,000-element listing the content bench uses.
  const nodes = name === 'chromium' ? 200_000 : 50_000;
  it(`a ${nodes.toLocaleString('en')}-node page keeps running while we rescan it after a change, and the panel appears`, async () => {
    const tab = await driver().openTab(server().url(`/e2e/huge.html?n=${nodes}`), { timeoutMs: 60_000 });
    expect(await tab.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(nodes);
    // The first scan finds nothing: "none", never "ok" (a ✓), also when the page was over the scan's
    // budget and only part of it was read (issue 15: then the popup says so under "none").
    const first = await waitForToolbar(driver(), tab, (t) => t.seen, 60_000);
    expect(first.level).toBe('none');
    // Now the page adds a spoofed badge: we rescan the whole page, and the page's timer keeps ticking.
    // It goes at the top, which every scan reads first: after 200,000 nodes it could be past what a
    // scan reads within its budget on a busy machine (issue 15: then "only part of this page").
    await tab.evaluate((html) => {
      (window as unknown as { __gapsReset(): void }).__gapsReset();
      document.body.insertAdjacentHTML('afterbegin', html);
    }, SPOOF);
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger', 60_000);
    expect(panel?.findingCodes).toEqual(['badge-spoofed']);
    await pageKeptRunning(tab, 10);
    await tab.close();
  });

  it('a page whose CSP forbids inline styles and data: images still gets our panel, styled as always', async () => {
    const tab = await driver().openTab(server().url('/e2e/strict-csp.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger' && p.expanded);
    expect(panel?.expanded).toBe(true);
    expect(panel?.shadowMode).toBe('closed');
    const shot = await poll(async () => decodePng(await tab.screenshot()), (s) => dangerBandRows(s) > 40);
    expect(dangerBandRows(shot)).toBeGreaterThan(40);
    await tab.close();
  });
});
