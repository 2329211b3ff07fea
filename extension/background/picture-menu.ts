import browser from 'webextension-polyfill';
import type { ReadPictureNotice } from '../protocol/messages';

const MENU_ID = 'liangzhao-read-picture';

/**
 * The context-menu item "用亮照卫士识别这张执照" on pictures: the click tells the tab's content script
 * which picture the user picked (it fetches the bytes and has them read with the page), and grants
 * activeTab, which lets capturePicture take a screenshot of the tab when the page's server forbids
 * reading the picture itself. Listeners are registered at construction, on the worker's first tick.
 */
export class PictureMenu {
  constructor() {
    const menus = browser.contextMenus;
    if (!menus) return;
    browser.runtime.onInstalled.addListener(() => {
      // Created once per install or update; the browser keeps it across worker restarts.
      void menus.removeAll().then(() =>
        menus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuReadPicture') || '用亮照卫士识别这张执照', contexts: ['image'] }),
      );
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== MENU_ID || !info.srcUrl || tab?.id === undefined) return;
      const notice: ReadPictureNotice = { notice: 'readPicture', srcUrl: info.srcUrl };
      browser.tabs.sendMessage(tab.id, notice, { frameId: 0 }).catch((error: unknown) => console.warn('[liangzhao] the page did not take the picture', error));
    });
  }
}

/**
 * A screenshot of the tab's visible part (PNG data URL), for cutting out a picture the user picked.
 * Works after the context-menu click (activeTab) or with the optional "<all_urls>" permission.
 */
export async function capturePicture(tabId: number): Promise<{ dataUrl: string | null; reason: string | null }> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return { dataUrl: null, reason: 'tab not in front' };
    return { dataUrl: await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }), reason: null };
  } catch (error) {
    return { dataUrl: null, reason: error instanceof Error ? error.message : String(error) };
  }
}
