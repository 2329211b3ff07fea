import { launchChromiumDriver } from './chromium-driver';
import type { BrowserName, ExtensionDriver, LaunchOptions } from './driver';
import { launchFirefoxDriver } from './firefox-driver';

/** The browser `name` with the built extension, ready for a scenario. */
export function launchDriver(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionDriver> {
  return name === 'chromium' ? launchChromiumDriver(options) : launchFirefoxDriver(options);
}
