import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { dangerBandRows, decodePng } from './harness/png';

const FIREFOX_DIST = fileURLToPath(new URL('../../dist/firefox', import.meta.url));

/** Screenshots until our danger header shows (or the wait is over); the number of its rows. */
async function dangerRows(page: Page, timeoutMs = 10_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let rows = 0;
  while (Date.now() < end && rows <= 40) {
    rows = dangerBandRows(decodePng(await page.screenshot({ type: 'png' })));
    if (rows <= 40) await new Promise((r) => setTimeout(r, 250));
  }
  return rows;
}

/** Issue 15, item 3, in Firefox: a page covering our panel with its own top-layer elements. */
describe('Firefox ESR: the panel stays on top', () => {
  let browser: Browser;
  let server: FixtureServer;
  let profile: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    profile = await mkdtemp(join(tmpdir(), 'lz-firefox-cover-'));
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true, userDataDir: profile });
    await browser.installExtension(FIREFOX_DIST);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it.each(['late', 'full', 'dialog'])('a page that opens a %s cover after our danger panel: the panel is put back on top', async (mode) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    await page.goto(server.url(`/e2e/cover-panel.html?mode=${mode}&after=4000`));
    expect(await dangerRows(page, 20_000)).toBeGreaterThan(40);
    await page.waitForFunction(() => (window as unknown as { __cover: { at: number } }).__cover.at > 0, { timeout: 20_000 });
    expect(await page.evaluate(() => document.querySelectorAll(':modal, :popover-open').length)).toBeGreaterThan(1);
    expect(await dangerRows(page)).toBeGreaterThan(40);
    await page.close();
  });
});
