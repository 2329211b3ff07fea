/** What scenarios import: the e2e driver (driver.ts) and the waits and hooks that go with it. */
export { BROWSERS, type Box, type BrowserName, type ExtensionDriver, type ExtensionPage, type HostMapping, type PanelElement, type PanelView, type ShopTab } from './driver';
export type { ChromiumDriver } from './chromium-driver';
export type { FirefoxDriver } from './firefox-driver';
export { findInPanel } from './panel-view';
export { poll } from './poll';
export { openPopup, type ToolbarView } from './toolbar';
export { DIST, launchDriver } from './launch';
export { useDriver } from './use-driver';
export { waitForPanel, waitForToolbar } from './verdict';
export { useFixtureServer } from './use-servers';
