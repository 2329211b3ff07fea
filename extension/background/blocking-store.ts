import browser from 'webextension-polyfill';
import { allow, normalizeAllowances, type Allowance } from '../../src/blocking/allowances';
import { normalizeBlockPreferences, type BlockPreferences } from '../../src/blocking/block-preferences';

const PREFS_KEY = 'blockPreferences';
/** In session storage: gone when the browser closes, as the shopper was told. */
const CONTINUED_KEY = 'continuedSites';

/**
 * The shopper's blocking preferences (storage.local) and the sites they continued to this session
 * (storage.session: kept while the browser runs, across service-worker restarts, never longer).
 * Both are read on every navigation, so they are kept in memory too, loaded at start and refreshed
 * by storage.onChanged: storage stays the truth, the memory only spares each navigation a read.
 */
export class BlockingStore {
  readonly ready: Promise<void>;
  private prefsNow: BlockPreferences = normalizeBlockPreferences(undefined);
  private continuedNow: Allowance[] = [];

  constructor() {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && PREFS_KEY in changes) this.prefsNow = normalizeBlockPreferences(changes[PREFS_KEY]!.newValue);
      if (area === 'session' && CONTINUED_KEY in changes) this.continuedNow = normalizeAllowances(changes[CONTINUED_KEY]!.newValue);
    });
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const [local, session] = await Promise.all([browser.storage.local.get(PREFS_KEY), browser.storage.session.get(CONTINUED_KEY)]);
    this.prefsNow = normalizeBlockPreferences(local[PREFS_KEY]);
    this.continuedNow = normalizeAllowances(session[CONTINUED_KEY]);
  }

  prefs(): BlockPreferences {
    return this.prefsNow;
  }

  async savePrefs(next: BlockPreferences): Promise<BlockPreferences> {
    const clean = normalizeBlockPreferences(next);
    await browser.storage.local.set({ [PREFS_KEY]: clean });
    this.prefsNow = clean;
    return clean;
  }

  continued(): Allowance[] {
    return this.continuedNow;
  }

  /** Remembers a site continued to under `lists`; drops those given under other list versions. */
  async addContinued(site: string, lists: string, auto = false): Promise<Allowance[]> {
    return this.setContinued(allow(this.continuedNow, site, lists, Date.now(), auto));
  }

  /** Forgets some sites, or all (null). */
  async forgetContinued(sites: readonly string[] | null): Promise<Allowance[]> {
    return this.setContinued(sites === null ? [] : this.continuedNow.filter((a) => !sites.includes(a.site)));
  }

  private async setContinued(next: Allowance[]): Promise<Allowance[]> {
    await browser.storage.session.set({ [CONTINUED_KEY]: next });
    this.continuedNow = next;
    return next;
  }

  /** "Clear my data": the preferences and the continued sites. */
  async clear(): Promise<void> {
    await Promise.all([browser.storage.local.remove(PREFS_KEY), browser.storage.session.remove(CONTINUED_KEY)]);
    this.prefsNow = normalizeBlockPreferences(undefined);
    this.continuedNow = [];
  }
}
