import browser, { type Storage } from 'webextension-polyfill';
import { canonicalKey } from '../../src/feed/keys';
import { KIND_TO_KEY, type QueriedPage } from '../../src/feed/scan-queries';
import { acceptReading, type AskedLookup } from '../../src/registries/accept-reading';
import { AnswersDb, type StoredAnswer } from '../../src/registries/answers-db';
import { ASSISTED_SITES } from '../../src/registries/assisted-sites';
import { pageRegistryKeys } from '../../src/registries/page-keys';
import type { RegistryLookup } from '../../src/feed/registry-lookup';
import { lookupsFor } from '../../src/ui-model/lookups';
import type { Caller } from '../protocol/authorize';
import type { Payload, Response } from '../protocol/messages';
import type { RegistryNotice } from '../protocol/registry-messages';

const TAB = 'registry-tab:';
const UNREADABLE = 'registry-unreadable:';
type Unreadable = Extract<RegistryLookup, { state: 'unreadable' }>;

/**
 * Assisted lookup in the background: opens a registry page for a shop tab and remembers which tab
 * asked (storage.session: gone with the browser, like the tabs), takes the readings of registry tabs,
 * keeps accepted answers in the user's own IndexedDB cache (AnswersDb) and tells the shop tab to
 * check again. Nothing is sent anywhere: the shopper's browser asked the registry.
 */
export class RegistryLookups {
  readonly ready: Promise<void>;
  private readonly db = new AnswersDb({ indexedDB: self.indexedDB, IDBKeyRange: self.IDBKeyRange });
  private readonly area: Storage.StorageArea;

  constructor() {
    this.area = (browser.storage as { session?: Storage.StorageArea }).session ?? browser.storage.local;
    // A result the registry opens in a new tab (gsxt opens companies that way) answers for the same shop tab.
    browser.tabs.onCreated.addListener((tab) => {
      if (tab.id !== undefined && tab.openerTabId !== undefined) void this.inherit(tab.openerTabId, tab.id);
    });
    browser.tabs.onRemoved.addListener((tabId) => void this.area.remove([TAB + tabId, UNREADABLE + tabId]).catch(() => undefined));
    this.ready = this.db.open().then(() => undefined);
  }

  /** "到官方网站核实": opens the site's page for the value (tracked when the site's answer can be read). */
  async open(shopTabId: number, { kind, value, site }: Omit<Payload<'openRegistryLookup'>, 'tabId'>): Promise<Response<'openRegistryLookup'>> {
    const lookup = lookupsFor(kind, value).find((l) => l.site.id === site);
    if (!lookup) throw new Error(`no lookup site ${site} for ${kind}`);
    const tab = await browser.tabs.create({ url: lookup.url, openerTabId: shopTabId, active: true });
    const keyKind = KIND_TO_KEY[kind];
    const registry = ASSISTED_SITES[site];
    const canonical = keyKind === 'uscc' || keyKind === 'icp' || keyKind === 'psb' ? canonicalKey(keyKind, value) : null;
    if (tab.id === undefined || !registry || !canonical || (keyKind !== 'uscc' && keyKind !== 'icp' && keyKind !== 'psb')) return { opened: true, tracked: false };
    const asked: AskedLookup = { kind: keyKind, value: canonical, shopTabId, site: registry, openedAt: Date.now() };
    await this.area.set({ [TAB + tab.id]: asked });
    return { opened: true, tracked: true };
  }

  /** A registry tab's reading: accepted only as acceptReading says (see there), then kept and announced. */
  async receive(caller: Caller, { reading }: Payload<'submitRegistryReading'>): Promise<Response<'submitRegistryReading'>> {
    if (caller.tabId === null || caller.privileged) return { accepted: false, reason: 'only a registry tab sends readings' };
    const asked = await this.asked(caller.tabId);
    const verdict = acceptReading(caller.url, reading, asked);
    if (!verdict.accepted) return { accepted: false, reason: verdict.reason };
    if (verdict.kind === 'answer') {
      await this.db.put(verdict.key, verdict.answer, Date.now());
      await this.area.remove(UNREADABLE + verdict.shopTabId);
    } else {
      const note: Unreadable = { ...verdict.key, state: 'unreadable', site: verdict.site, url: verdict.url, reason: verdict.reason, at: Date.now() };
      await this.area.set({ [UNREADABLE + verdict.shopTabId]: note });
    }
    const notice: RegistryNotice = { notice: 'registryAnswered' };
    // The shop tab may be gone or on another page by now: then there is nobody to tell.
    await browser.tabs.sendMessage(verdict.shopTabId, notice).catch(() => undefined);
    return { accepted: true, reason: null };
  }

  /** What the user's registry answers say about a page (any shop showing the same values), and this tab's unreadable page. */
  async lookup(tabId: number, page: QueriedPage): Promise<RegistryLookup[]> {
    const keys = pageRegistryKeys(page);
    const found = await this.db.lookup(keys);
    const note = (await this.area.get(UNREADABLE + tabId))[UNREADABLE + tabId] as Unreadable | undefined;
    const relevant = note && keys.some((k) => k.kind === note.kind && k.value === note.value) && !found.some((f) => f.value === note.value && f.at > note.at);
    return relevant ? [...found, note] : found;
  }

  list(): Promise<StoredAnswer[]> {
    return this.db.all();
  }

  async forget(ids: string[] | null): Promise<StoredAnswer[]> {
    await this.db.forget(ids);
    return this.db.all();
  }

  count(): Promise<number> {
    return this.db.answers.count();
  }

  private async asked(tabId: number): Promise<AskedLookup | null> {
    const v = (await this.area.get(TAB + tabId))[TAB + tabId];
    return v && typeof v === 'object' ? (v as AskedLookup) : null;
  }

  private async inherit(openerTabId: number, tabId: number): Promise<void> {
    const asked = await this.asked(openerTabId);
    if (asked) await this.area.set({ [TAB + tabId]: asked });
  }
}
