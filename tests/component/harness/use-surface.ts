import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Request } from '../../../extension/protocol/messages';
import { FakeWorker } from './fake-worker';
import { startSurfaceServer, type SurfaceServer } from './surface-server';

/** What a component test drives: a page of Debian's Chromium, and the fake worker behind it. */
export interface SurfacePage {
  page: Page;
  worker: FakeWorker;
  /** Calls of the browser APIs the fake answers asynchronously (tabs.create, openOptionsPage …). */
  apiCalls: { name: string; args: unknown[] }[];
}

export interface SurfaceOptions {
  /** The browser's UI language (browser.i18n.getUILanguage); zh-CN by default. */
  uiLanguage?: string;
  /** Answers of the asynchronous browser APIs, by name. */
  api?: Record<string, (args: unknown[]) => unknown>;
}

/**
 * One Chromium (no extension) and one surface server for the file; `open()` gives each test a new
 * page wired to a new FakeWorker. Uncaught page errors fail the test that caused them.
 */
export function useSurfaces(): { server: () => SurfaceServer; open(url: (s: SurfaceServer) => string, worker?: FakeWorker, options?: SurfaceOptions): Promise<SurfacePage> } {
  let browser: Browser | null = null;
  let server: SurfaceServer | null = null;
  const pages: Page[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startSurfaceServer(),
      chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--lang=zh-CN'] }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    const seen = errors.splice(0);
    return Promise.all(pages.splice(0).map((p) => p.close())).then(() => {
      if (seen.length) throw new Error(`errors in the page:\n${seen.join('\n')}`);
    });
  });
  return {
    server: () => server!,
    open: async (url, worker = new FakeWorker(), options = {}) => {
      const page = await browser!.newPage({ viewport: { width: 1000, height: 800 } });
      pages.push(page);
      const apiCalls: SurfacePage['apiCalls'] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.exposeFunction('lzSend', (request: Request) => worker.receive(request));
      await page.exposeFunction('lzApi', (name: string, args: unknown[]) => {
        apiCalls.push({ name, args });
        return options.api?.[name]?.(args) ?? null;
      });
      if (options.uiLanguage) await page.addInitScript((lang) => Object.assign(window, { lzUiLanguage: lang }), options.uiLanguage);
      await page.goto(url(server!));
      return { page, worker, apiCalls };
    },
  };
}
