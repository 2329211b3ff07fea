import browser from 'webextension-polyfill';
import { normalizeSettings, type Settings } from '../../src/ui-model/settings';

const SETTINGS_KEY = 'settings';
const DISMISSED_KEY = 'dismissedSites';
const MAX_DISMISSED = 2000;

/**
 * The user's settings and the hosts where they dismissed the panel, in storage.local. Nothing is
 * cached in memory: the worker may be stopped at any time and storage is the truth.
 */
export class SettingsStore {
  readonly ready: Promise<void> = Promise.resolve();

  async get(): Promise<Settings> {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return normalizeSettings(stored[SETTINGS_KEY]);
  }

  async save(settings: Settings): Promise<Settings> {
    const clean = normalizeSettings(settings);
    await browser.storage.local.set({ [SETTINGS_KEY]: clean });
    return clean;
  }

  async isSaved(): Promise<boolean> {
    return SETTINGS_KEY in (await browser.storage.local.get(SETTINGS_KEY));
  }

  async dismissed(): Promise<string[]> {
    const stored = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
    return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
  }

  async dismiss(host: string): Promise<string[]> {
    const hosts = (await this.dismissed()).filter((h) => h !== host);
    hosts.push(host.toLowerCase());
    const kept = hosts.slice(-MAX_DISMISSED);
    await browser.storage.local.set({ [DISMISSED_KEY]: kept });
    return kept;
  }

  async undismiss(host: string): Promise<string[]> {
    const hosts = (await this.dismissed()).filter((h) => h !== host.toLowerCase());
    await browser.storage.local.set({ [DISMISSED_KEY]: hosts });
    return hosts;
  }

  /** Forgets settings and dismissals (the options page's "clear my data"). */
  async clear(): Promise<void> {
    await browser.storage.local.remove([SETTINGS_KEY, DISMISSED_KEY]);
  }
}
