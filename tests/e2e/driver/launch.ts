import { CHROME_DIST, launchChromiumDriver } from './chromium-driver';
import type { BrowserName, ExtensionDriver, LaunchOptions } from './driver';
import { FIREFOX_DIST, launchFirefoxDriver } from './firefox-driver';

/** Each browser's build (`npm run build`), to load as it is or to copy and configure (LaunchOptions.dist). */
export const DIST: Record<BrowserName, string> = { chromium: CHROME_DIST, firefox: FIREFOX_DIST };

/** The browser `name` with the built extension, ready for a scenario. */
export function launchDriver(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionDriver> {
  return name === 'chromium' ? launchChromiumDriver(options) : launchFirefoxDriver(options);
}
