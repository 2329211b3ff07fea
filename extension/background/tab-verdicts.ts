import browser, { type Storage } from 'webextension-polyfill';
import type { TabVerdict } from '../protocol/messages';

const PREFIX = 'tab:';
const key = (tabId: number) => `${PREFIX}${tabId}`;

/**
 * Each tab's last verdict, in storage.session (kept in memory by the browser, survives the worker
 * stopping, gone when the browser closes). Where storage.session is missing, storage.local is used and
 * emptied at browser start-up, since tab ids are not reused across sessions but would pile up.
 */
export class TabVerdicts {
  private readonly area: Storage.StorageArea;
  readonly ready: Promise<void>;

  constructor(private readonly onChange: (tabId: number, verdict: TabVerdict | null) => Promise<void>) {
    const session = (browser.storage as { session?: Storage.StorageArea }).session;
    this.area = session ?? browser.storage.local;
    browser.tabs.onRemoved.addListener((tabId) => void this.remove(tabId, false));
    // A new document is loading: the old verdict no longer describes the tab. (Needs no "tabs"
    // permission: status is not a sensitive field.)
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') void this.remove(tabId, true);
    });
    browser.runtime.onStartup.addListener(() => {
      if (!session) void this.clear();
    });
    this.ready = Promise.resolve();
  }

  async get(tabId: number): Promise<TabVerdict | null> {
    const stored = (await this.area.get(key(tabId)))[key(tabId)];
    return stored && typeof stored === 'object' ? (stored as TabVerdict) : null;
  }

  async set(tabId: number, verdict: TabVerdict): Promise<void> {
    await this.area.set({ [key(tabId)]: verdict });
    await this.onChange(tabId, verdict);
  }

  async remove(tabId: number, notify: boolean): Promise<void> {
    await this.area.remove(key(tabId));
    if (notify) await this.onChange(tabId, null);
  }

  async count(): Promise<number> {
    return Object.keys(await this.area.get(null)).filter((k) => k.startsWith(PREFIX)).length;
  }

  async clear(): Promise<void> {
    const keys = Object.keys(await this.area.get(null)).filter((k) => k.startsWith(PREFIX));
    if (keys.length) await this.area.remove(keys);
  }
}
