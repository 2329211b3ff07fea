import { describe, expect, it } from 'vitest';
import { BROWSERS, findInPanel, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ChromiumDriver } from './driver/all';

describe.each(BROWSERS)('%s: pages that change, frames and shadow roots', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name);

  it('rescans when the license block arrives after load, and "show on page" scrolls to the evidence', async () => {
    const tab = await driver().openTab(server().url('/e2e/late-license.html'));
    // Before the footer arrives there is nothing to report.
    const early = await waitForToolbar(driver(), tab, (t) => t.seen);
    expect(early.level).toBe('none');
    expect(await tab.panel()).toBeNull();
    await tab.evaluate(() => (window as unknown as { footerArrives(): void }).footerArrives());
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toContain('badge-spoofed');
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).level).toBe('danger');

    expect(await tab.evaluate(() => document.getElementById('fake-badge')!.getBoundingClientRect().top > innerHeight)).toBe(true);
    const show = findInPanel(panel, (a) => a.class === 'lz-btn' && a.type === 'button');
    expect(show).toBeDefined();
    await tab.clickPanel(show!);
    await tab.waitForFunction(() => {
      const r = document.getElementById('fake-badge')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    // The outline that shows where it is (it fades after a few seconds).
    const marked = await waitForPanel(tab, (p) => !!findInPanel(p, (a) => a.class === 'lz-mark'), 3000);
    expect(findInPanel(marked, (a) => a.class === 'lz-mark')).toBeDefined();
    await tab.close();
  });

  it('finds a spoofed badge inside a same-origin iframe; only the top frame shows a panel', async () => {
    const tab = await driver().openTab(server().url('/e2e/iframe-host.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toEqual(['badge-spoofed']);
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).codes).toEqual(['badge-spoofed']);
    const frameChildren = await tab.evaluate(() => Array.from(document.querySelector('iframe')!.contentDocument!.documentElement.children, (c) => c.tagName));
    expect(frameChildren).toEqual(['HEAD', 'BODY']);
    await tab.close();
  });

  it('finds a spoofed badge in an open shadow root, and "show on page" scrolls to it there', async () => {
    const tab = await driver().openTab(server().url('/e2e/shadow-badge.html'));
    const panel = await waitForPanel(tab, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toContain('badge-spoofed');
    const below = () => tab.evaluate(() => document.querySelector('shop-footer')!.shadowRoot!.getElementById('fake-badge')!.getBoundingClientRect().top > innerHeight);
    expect(await below()).toBe(true);
    await tab.clickPanel(findInPanel(panel, (a) => a.class === 'lz-btn' && a.type === 'button')!);
    await tab.waitForFunction(() => document.querySelector('shop-footer')!.shadowRoot!.getElementById('fake-badge')!.getBoundingClientRect().top < innerHeight);
    expect(await below()).toBe(false);
    await tab.close();
  });

  it('follows a single-page navigation (pushState + content swap) to the new shop', async () => {
    const tab = await driver().openTab(server().url('/e2e/spa.html'));
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'ok')).level).toBe('ok');
    await tab.click('#go');
    expect(await tab.url()).toBe(server().url('/e2e/spa.html?view=shop-b'));
    const toolbar = await waitForToolbar(driver(), tab, (t) => t.level === 'danger');
    expect(toolbar.level).toBe('danger');
    expect(toolbar.badge.text).toBe('!');
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.expanded).toBe(true);
    await tab.close();
  });
});

// Chromium only: a service worker that the browser stops and an unpacked extension reloaded under
// a page are Chrome's (Firefox runs the background as a page, and drops a reloaded add-on's scripts).
describe('chromium only: the service worker stopped, the extension reloaded', () => {
  const server = useFixtureServer();
  const driver = useDriver('chromium', { fresh: 'test' });
  const chromium = () => driver() as ChromiumDriver;

  it('keeps the verdict when the service worker is stopped: the popup still says danger', async () => {
    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).level).toBe('danger');
    await chromium().stopServiceWorker();
    const toolbar = await driver().toolbar(tab);
    expect(toolbar.level).toBe('danger');
    expect(toolbar.text).toContain('gsxt-verify.shop-cert.example.com');
    expect(toolbar.badge.text).toBe('!');
    await tab.close();
  });

  it('tears down on the old page when the extension is reloaded under it (context invalidated)', async () => {
    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    expect((await waitForPanel(tab, (p) => p?.level === 'danger'))?.level).toBe('danger');
    const restarted = chromium().context.waitForEvent('serviceworker', { timeout: 30_000 });
    const w = await chromium().worker();
    await w.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The new extension is up, so the old one, and our content script's context, are gone.
    await restarted;
    // The next change on the page finds the context gone: observers stop and the panel is removed.
    await tab.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: '新到货' })));
    expect(await waitForPanel(tab, (p) => p === null, 5000)).toBeNull();
    await tab.close();
  });
});
