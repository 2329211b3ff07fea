import { afterAll, afterEach, beforeAll, beforeEach, type TestContext } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { BrowserName, ExtensionDriver, LaunchOptions } from './driver';
import { launchDriver } from './launch';

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/e2e/', import.meta.url));

/** artifacts/e2e/<browser> <describe> <test>/, in characters every file system takes. */
export function artifactsDir(task: TestContext['task']): string {
  const names: string[] = [];
  for (let t: { name: string; suite?: { name: string } | undefined } | undefined = task; t; t = t.suite) if (t.name) names.unshift(t.name);
  return join(ARTIFACTS, names.join(' ').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 150));
}

export interface DriverOptions {
  /**
   * 'file' (the default): one browser for the file's tests, which each open their own tabs and
   * change nothing a later test could see. 'test': a fresh browser and profile for each test, for
   * tests that change settings, lists or reports.
   */
  fresh?: 'file' | 'test';
  /** Launch options, asked for at each launch (e.g. a HOME made in beforeAll). */
  launch?: () => LaunchOptions;
}

/**
 * Registers the hooks that give each test of the enclosing describe a driver for `name`, and keeps a
 * screenshot of every open page, the console log and (Chromium) a trace of each failed test under
 * artifacts/e2e/. This is done in afterEach rather than onTestFailed: vitest runs onTestFailed after
 * afterEach, when a per-test browser is already closed.
 */
export function useDriver(name: BrowserName, options: DriverOptions = {}): (() => ExtensionDriver) & { relaunch(): Promise<ExtensionDriver> } {
  const perTest = options.fresh === 'test';
  let driver: ExtensionDriver | null = null;
  const launch = async () => (driver = await launchDriver(name, options.launch?.() ?? {}));
  if (!perTest) {
    beforeAll(launch);
    afterAll(async () => {
      await driver?.close();
      driver = null;
    });
  }
  beforeEach(async () => {
    if (perTest) await launch();
    await driver!.beginTest();
  });
  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    try {
      await driver?.endTest(failed ? artifactsDir(task) : null);
    } catch (error) {
      console.warn(`[e2e] could not keep the artifacts of "${task.name}":`, error);
    }
    if (perTest) {
      await driver?.close();
      driver = null;
    }
  });
  const current = () => {
    if (!driver) throw new Error('no driver here: call it inside a test');
    return driver;
  };
  /** Closes the browser and launches it again (with a given profile: a browser restart). */
  const relaunch = async () => {
    await current().close();
    const next = await launch();
    await next.beginTest();
    return next;
  };
  return Object.assign(current, { relaunch });
}
