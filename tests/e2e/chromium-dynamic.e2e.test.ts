import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, popupLevel, toolbarBadge, waitForVerdict, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { clickPanelNode, waitForPanel } from './harness/panel-probe';

describe('Chromium: pages that change, frames, and a stopped service worker', () => {
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

  it('rescans when the license block arrives after load, and "show on page" scrolls to the evidence', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/e2e/late-license.html');
    await page.goto(url);
    // Before the footer arrives there is nothing to report.
    const early = await waitForVerdict(ext, url, (v) => v.level !== null, 5000);
    expect(early?.level).toBe('none');
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toContain('badge-spoofed');
    expect((await waitForVerdict(ext, url, (v) => v.level === 'danger'))?.level).toBe('danger');

    const below = await page.evaluate(() => document.getElementById('fake-badge')!.getBoundingClientRect().top > innerHeight);
    expect(below).toBe(true);
    const show = panel!.find((a) => a.class === 'lz-btn' && a.type === 'button');
    expect(show).toBeDefined();
    await clickPanelNode(page, show!.backendNodeId);
    await page.waitForFunction(() => {
      const r = document.getElementById('fake-badge')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const marked = await waitForPanel(page, (p) => !!p?.find((a) => a.class === 'lz-mark'), 3000);
    expect(marked?.find((a) => a.class === 'lz-mark')).toBeDefined();
    await page.close();
  });

  it('finds a spoofed badge inside a same-origin iframe', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/e2e/iframe-host.html');
    await page.goto(url);
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toEqual(['badge-spoofed']);
    expect((await waitForVerdict(ext, url, (v) => v.level === 'danger'))?.codes).toEqual(['badge-spoofed']);
    // Only the top frame shows a panel.
    const frame = page.frames().find((f) => f.url().endsWith('iframe-footer.html'));
    expect(await frame!.evaluate(() => Array.from(document.documentElement.children).map((c) => c.tagName))).toEqual(['HEAD', 'BODY']);
    await page.close();
  });

  it('finds a spoofed badge in an open shadow root, and "show on page" scrolls to it there', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/e2e/shadow-badge.html');
    await page.goto(url);
    const panel = await waitForPanel(page, (p) => p?.level === 'danger');
    expect(panel?.findingCodes).toContain('badge-spoofed');
    const badgeTop = () => page.evaluate(() => document.querySelector('shop-footer')!.shadowRoot!.getElementById('fake-badge')!.getBoundingClientRect().top);
    expect(await badgeTop()).toBeGreaterThan(await page.evaluate(() => innerHeight));
    const show = panel!.find((a) => a.class === 'lz-btn' && a.type === 'button');
    await clickPanelNode(page, show!.backendNodeId);
    await expect.poll(badgeTop, { timeout: 5000 }).toBeLessThan(await page.evaluate(() => innerHeight));
    await page.close();
  });

  it('follows a single-page navigation (pushState + content swap) to the new shop', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/e2e/spa.html');
    await page.goto(url);
    expect((await waitForVerdict(ext, url, (v) => v.level === 'ok'))?.level).toBe('ok');
    await page.click('#go');
    const next = server.url('/e2e/spa.html?view=shop-b');
    expect(page.url()).toBe(next);
    const v = await waitForVerdict(ext, next, (x) => x.level === 'danger');
    expect(v?.level).toBe('danger');
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.expanded).toBe(true);
    expect((await toolbarBadge(ext, v!.tabId)).text).toBe('!');
    await page.close();
  });

  it('keeps the verdict when the service worker is stopped: the popup still says danger', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/demo/spoofed-badge.html');
    await page.goto(url);
    const v = await waitForVerdict(ext, url, (x) => x.level === 'danger');
    expect(v?.level).toBe('danger');

    // The ServiceWorker domain of a page sees the workers of that page's origin: use one of ours.
    const own = await ext.context.newPage();
    await own.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    const cdp = await ext.context.newCDPSession(own);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    await cdp.detach();
    await own.close();

    const popup = await popupLevel(ext, v!.tabId);
    expect(popup.level).toBe('danger');
    expect(popup.text).toContain('gsxt-verify.shop-cert.example.com');
    await popup.page.close();
    expect((await toolbarBadge(ext, v!.tabId)).text).toBe('!');
    await page.close();
  });

  // Last in this file: it reloads the extension.
  it('tears down on the old page when the extension is reloaded under it (context invalidated)', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/demo/spoofed-badge.html'));
    expect((await waitForPanel(page, (p) => p?.level === 'danger'))?.level).toBe('danger');
    const w = await ext.worker();
    await w.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The next change on the page finds the context gone: observers stop and the panel is removed.
    await page.waitForTimeout(500);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: '新到货' })));
    expect(await waitForPanel(page, (p) => p === null, 5000)).toBeNull();
    await page.close();
  });
});
