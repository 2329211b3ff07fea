import browser from 'webextension-polyfill';
import type { CaptureResult } from '../protocol/report-messages';

/** Time for the browser to paint the shop's tab after it is brought to the front. */
const PAINT_MS = 300;

/**
 * Screenshot of the visible part of a shop's tab, taken only when the user ticks "attach a
 * screenshot". The report page is a tab of its own, so the shop's tab is brought to the front for a
 * moment and the report page is brought back. The browser allows this with the activeTab grant only
 * (the user clicked the toolbar button on that tab): the extension holds no host permission, and a
 * permission for the shop's origin alone would not do (captureVisibleTab takes activeTab or
 * "<all_urls>"). Without the grant the reason is returned, so the form can say why and what to do.
 */
export async function captureTab(tabId: number, returnTo: number | null): Promise<CaptureResult> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { ok: false, reason: 'tab-gone', message: 'the shop’s tab is closed' };
  }
  const switched = !tab.active;
  try {
    if (switched) {
      await browser.tabs.update(tabId, { active: true });
      await new Promise((r) => setTimeout(r, PAINT_MS));
    }
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' });
    return { ok: true, dataUrl };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /permission|activeTab|all_urls/i.test(message) ? 'permission' : 'failed', message };
  } finally {
    if (switched && returnTo !== null) await browser.tabs.update(returnTo, { active: true }).catch(() => undefined);
  }
}
