import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, underStrictCsp, type FixtureServer } from './harness/fixture-server';
import { countColor, dangerBandRows, decodePng } from './harness/png';

const FIREFOX_DIST = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
const GECKO_ID = 'liangzhao-guard@liangzhao.example';

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

/** What the page itself can learn about our panel: that a host exists, and nothing inside it. */
const pageView = (page: Page) =>
  page.evaluate(() => {
    const host = Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-'));
    return host ? { tag: host.tagName, shadowRoot: host.shadowRoot === null ? 'hidden' : 'visible', text: host.textContent ?? '' } : null;
  });

/** Screenshots of the page until our danger panel's red header shows (or the wait is over). */
const dangerShot = (page: Page) => until(async () => decodePng(await page.screenshot({ type: 'png' })), (s) => dangerBandRows(s) > 40);

describe('Firefox ESR: the built extension', () => {
  let browserInstance: Browser;
  let server: FixtureServer;
  let profile: string;
  beforeAll(async () => {
    server = await startFixtureServer({ '/e2e/strict-csp.html': underStrictCsp('spoofed-badge.html') });
    profile = await mkdtemp(join(tmpdir(), 'lz-firefox-'));
    browserInstance = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
    });
    expect(await browserInstance.installExtension(FIREFOX_DIST)).toBe(GECKO_ID);
  });
  afterAll(async () => {
    await browserInstance?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('shows the panel on the spoofed-badge page, closed to the page, in the danger colour', async () => {
    const page = await browserInstance.newPage();
    const url = server.url('/demo/spoofed-badge.html');
    await page.goto(url);
    const seen = await until(() => pageView(page), (v) => v !== null);
    expect(seen?.tag).toMatch(/^LZ-[0-9A-Z]{6}$/);
    expect(seen?.shadowRoot).toBe('hidden'); // closed shadow root
    expect(seen?.text).toBe(''); // no findings text reachable from the page

    // The level, as the shopper sees it: the panel's header in the danger red, bottom right.
    const shot = decodePng(await page.screenshot({ type: 'png' }));
    expect(dangerBandRows(shot)).toBeGreaterThan(40);
    await page.close();
  });

  // The page is read by the content script and scanned in Firefox's background page (its DOMParser):
  // a badge in an open shadow root or in a same-origin frame is found there too.
  for (const [what, path] of [
    ['an open shadow root', '/e2e/shadow-badge.html'],
    ['a same-origin frame', '/e2e/iframe-host.html'],
  ]) {
    it(`finds a spoofed badge in ${what} and opens the danger panel`, async () => {
      const page = await browserInstance.newPage();
      await page.goto(server.url(path!));
      const shot = await dangerShot(page);
      expect(dangerBandRows(shot)).toBeGreaterThan(40);
      await page.close();
    });
  }

  it('looks the same on a page whose CSP forbids inline styles and data: images', async () => {
    const page = await browserInstance.newPage();
    await page.goto(server.url('/e2e/strict-csp.html'));
    expect((await until(() => pageView(page), (v) => v !== null))?.shadowRoot).toBe('hidden');
    const shot = await dangerShot(page);
    expect(dangerBandRows(shot)).toBeGreaterThan(40);
    await page.close();
  });

  it('shows the quiet green badge on the clean shop and nothing on the index page', async () => {
    const page = await browserInstance.newPage();
    await page.goto(server.url('/demo/clean-shop.html'));
    expect((await until(() => pageView(page), (v) => v !== null))?.shadowRoot).toBe('hidden');
    await new Promise((r) => setTimeout(r, 500));
    const shot = decodePng(await page.screenshot({ type: 'png' }));
    const corner = { x: shot.width - 200, y: shot.height - 80, w: 200, h: 80 };
    expect(countColor(shot, [24, 128, 56], corner)).toBeGreaterThan(80); // the green shield
    expect(dangerBandRows(shot)).toBe(0); // no expanded danger header on a clean shop
    await page.goto(server.url('/demo/index.html'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await pageView(page)).toBeNull();
    await page.close();
  });
});
