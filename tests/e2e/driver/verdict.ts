import type { ExtensionDriver, PanelView, ShopTab } from './driver';
import { poll } from './poll';
import type { ToolbarView } from './toolbar';

/**
 * The one way a scenario waits for a verdict: what the user sees. On the page, our panel (read from
 * outside through the closed shadow root); in the toolbar, the popup and badge of the tab.
 */
export function waitForPanel(tab: ShopTab, ok: (p: PanelView | null) => boolean, timeoutMs = 20_000): Promise<PanelView | null> {
  return poll(() => tab.panel(), ok, { timeoutMs });
}

/** Reads the toolbar popup of the tab until `ok` holds (a verdict arrived, the level is …). */
export function waitForToolbar(driver: ExtensionDriver, tab: ShopTab, ok: (t: ToolbarView) => boolean, timeoutMs = 20_000): Promise<ToolbarView> {
  return poll(() => driver.toolbar(tab), ok, { timeoutMs, everyMs: 250 });
}
