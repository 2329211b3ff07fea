import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain .mjs without types
import { chromiumArgs } from '../../../scripts/ensure.mjs';

/** The extension APIs the tests call inside the service worker (types only; the code runs there). */
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> };
};

export const CHROME_DIST = fileURLToPath(new URL('../../../dist/chrome', import.meta.url));

export interface LoadedChromium {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, started again if it was stopped. */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Debian's Chromium with the built extension loaded, in a throwaway profile. */
export async function launchChromium(options: { headless?: boolean; dist?: string; profile?: string; extraArgs?: string[] } = {}): Promise<LoadedChromium> {
  const dist = options.dist ?? CHROME_DIST;
  const headless = options.headless ?? true;
  // A given profile (to relaunch the same browser: restart tests) is kept on close; the caller removes it.
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'lz-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1280, height: 860 },
    args: [...chromiumArgs(dist, { headless }), ...(options.extraArgs ?? [])],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  let current = first;
  const worker = async (): Promise<Worker> => {
    // A worker the browser stopped leaves a stale handle behind: check it still answers.
    const answers = await Promise.race([current.evaluate(() => 1).catch(() => 0), new Promise<number>((r) => setTimeout(() => r(0), 2000))]);
    if (answers === 1) return current;
    const fresh = context.serviceWorkers().find((w) => w !== current && w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (fresh) return (current = fresh);
    // Wake it: opening an extension page starts the worker again.
    const page = await context.newPage();
    const waiting = context.waitForEvent('serviceworker', { timeout: 30_000 });
    await page.goto(`chrome-extension://${extensionId}/extension/options/options.html`);
    current = await waiting;
    await page.close();
    return current;
  };
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id of a page, found through the verdict our service worker stored for its URL. */
export async function tabVerdict(ext: LoadedChromium, url: string): Promise<{ tabId: number; level: string | null; codes: string[] } | null> {
  const w = await ext.worker();
  return w.evaluate(async (u) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, { url: string; result: { verdict: { level: string; findings: { code: string; severity: string }[] } } | null }>;
    for (const [k, v] of Object.entries(all)) {
      // Findings about the shop; info-level notes (e.g. "lists not loaded") are left out.
      const codes = v.result?.verdict.findings.filter((f) => f.severity !== 'info').map((f) => f.code) ?? [];
      if (k.startsWith('tab:') && v.url === u) return { tabId: Number(k.slice(4)), level: v.result?.verdict.level ?? null, codes };
    }
    return null;
  }, url);
}

/** Polls until the stored verdict for `url` satisfies `ok` (or the time is up, then returns the last one). */
export async function waitForVerdict(ext: LoadedChromium, url: string, ok: (v: { level: string | null; codes: string[] }) => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last: Awaited<ReturnType<typeof tabVerdict>> = null;
  while (Date.now() < end) {
    last = await tabVerdict(ext, url);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/** The toolbar badge text and color of a tab, read from the service worker. */
export async function toolbarBadge(ext: LoadedChromium, tabId: number): Promise<{ text: string; color: number[] }> {
  const w = await ext.worker();
  return w.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), color: await chrome.action.getBadgeBackgroundColor({ tabId: id }) }), tabId);
}

/** Opens popup.html?tabId=N as a tab and returns its root's data-level once rendered. */
export async function popupLevel(ext: LoadedChromium, tabId: number): Promise<{ level: string; text: string; page: Page }> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/extension/popup/popup.html?tabId=${tabId}`);
  await page.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', null, { timeout: 15_000 });
  const level = (await page.getAttribute('#root', 'data-level')) ?? '';
  const text = await page.innerText('#root');
  return { level, text, page };
}
