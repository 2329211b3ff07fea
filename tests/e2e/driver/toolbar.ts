import type { ExtensionDriver, ExtensionPage, ShopTab } from './driver';

/** The toolbar button of a tab as the user sees it: its popup (which asks getTabVerdict) and its badge. */
export interface ToolbarView {
  /** The popup has a verdict for the tab (it names the site); false while none was reported. */
  seen: boolean;
  /** The popup's level (`none` without a verdict or on an allowlisted site). */
  level: string;
  /** `data-code` of the finding cards. */
  codes: string[];
  /** `data-status` of the data-status notes (lists missing, stale …). */
  statusCodes: string[];
  text: string;
  badge: { text: string; color: number[] };
}

interface ActionApi {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> };
}

/** Opens popup.html?tabId=N in `page` (as a tab) and reads it once rendered, with the tab's badge. */
export async function readToolbar(page: ExtensionPage, tabId: number): Promise<ToolbarView> {
  await page.open(`extension/popup/popup.html?tabId=${tabId}`);
  await page.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', undefined, 15_000);
  return page.evaluate(async (id) => {
    const g = globalThis as unknown as { browser?: ActionApi; chrome?: ActionApi };
    const api = (g.browser ?? g.chrome)!;
    const root = document.getElementById('root')!;
    const all = (name: string) => Array.from(root.querySelectorAll(`[${name}]`), (e) => e.getAttribute(name)!);
    return {
      seen: root.querySelector('.lz-url') !== null,
      level: root.dataset.level ?? '',
      codes: all('data-code'),
      statusCodes: all('data-status'),
      text: root.innerText,
      badge: { text: await api.action.getBadgeText({ tabId: id }), color: await api.action.getBadgeBackgroundColor({ tabId: id }) },
    };
  }, tabId);
}

/**
 * The tab's toolbar popup, open to be clicked (its "到…核实" and report buttons act for that tab): a
 * page of its own, as the popup is, which may close itself after an action as the popup does.
 */
export async function openPopup(driver: ExtensionDriver, tab: ShopTab): Promise<ExtensionPage> {
  const id = await driver.tabId(tab);
  const popup = await driver.extensionPage(`extension/popup/popup.html?tabId=${id}`);
  await popup.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', undefined, 15_000);
  return popup;
}
