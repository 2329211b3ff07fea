import browser from 'webextension-polyfill';
import { currentAllowances, listsKey } from '../../src/blocking/allowances';
import type { BlockedVia } from '../../src/blocking/block-page-url';
import type { BlockPreferences } from '../../src/blocking/block-preferences';
import { coverReasons, type BlockReason } from '../../src/blocking/block-reasons';
import { blockingDomainFiles } from '../../src/blocking/domain-sources';
import { withLocalDetails } from '../../src/blocking/explain-reasons';
import { keeperActionsOf } from '../../src/blocking/keeper-actions';
import { markTargets } from '../../src/blocking/mark-targets';
import type { TargetMark } from '../../src/blocking/search-marks';
import { checkNavigation } from '../../src/blocking/navigation-check';
import { siteOf } from '../../src/blocking/site-key';
import { LIST_NAMES, type ListAction, type ListName } from '../../src/feed/format';
import { DEFAULT_LIST_ACTIONS } from '../../src/feed/list-meta';
import type { Lang } from '../../src/i18n/lang';
import type { ListsDb } from '../../src/lists/lists-db';
import { feedHealth } from '../../src/lists/lists-status';
import type { PersonalEntry } from '../../src/personal-lists/personal-entry';
import type { BlockExplanation, BlockPreferencesView, CoverNotice } from '../protocol/block-messages';
import type { TabVerdict } from '../protocol/messages';
import type { BlockRulesService } from './block-rules-service';
import type { BlockingStore } from './blocking-store';

/** What blocking needs from the rest of the background (ports, as PageChecks has them). */
export interface BlockingPorts {
  personal(): Promise<PersonalEntry[]>;
  lang(): Promise<Lang>;
}

const coverKey = (tabId: number) => `cover:${tabId}`;
const fetchBound: typeof fetch = (input, init) => fetch(input, init);

/**
 * The block decisions of the background: the guard's check at document_start, the cover of a shop
 * page whose scan found a licence on a blocking list, what the block page says, the shopper's
 * "continue" (for the session, for these list versions) and their preferences. Every lookup is on
 * the device; the covered tabs' reasons are kept in session storage for the block page.
 */
export class BlockingService {
  constructor(
    private readonly db: ListsDb,
    private readonly store: BlockingStore,
    private readonly rules: BlockRulesService,
    private readonly ports: BlockingPorts,
  ) {
    browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(coverKey(tabId)));
  }

  private async choices() {
    return { prefs: this.store.prefs(), personal: await this.ports.personal(), allowances: this.store.continued() };
  }

  /** The guard's question for a page that starts to load: is its site blocked? */
  async check(url: string): Promise<boolean> {
    return (await checkNavigation(this.db, url, await this.choices())).reasons.length > 0;
  }

  /**
   * After a shop page's verdict is stored: when its list findings (or the shopper's own list) say
   * block and the shopper has not continued to it, the tab's guard covers it with the block page.
   */
  async coverIfListed(tabId: number, verdict: TabVerdict): Promise<void> {
    const result = verdict.result;
    if (!result) return;
    const site = siteOf(verdict.url);
    const { allowed } = await checkNavigation(this.db, verdict.url, await this.choices());
    if (!site || allowed) return;
    const { feeds } = await this.feedRows();
    const stale = new Set(feeds.filter((f) => feedHealth(f, Date.now()).stale).map((f) => f.name));
    const ctx = { keeper: await keeperActionsOf(this.db, feeds), prefs: this.store.prefs(), personal: await this.ports.personal(), stale };
    const reasons = coverReasons({ url: verdict.url, identifiers: result.identifiers, findings: result.verdict.findings }, ctx);
    if (!reasons.length) return;
    await browser.storage.session.set({ [coverKey(tabId)]: { url: verdict.url, reasons } });
    const notice: CoverNotice = { notice: 'coverPage', url: verdict.url };
    await browser.tabs.sendMessage(tabId, notice, { frameId: 0 }).catch(() => undefined);
  }

  private async feedRows() {
    const feeds = (await this.db.feeds.toArray()).filter((f) => f.enabled && f.active);
    return { feeds, lists: listsKey(feeds.map((f) => ({ id: f.id, version: f.active!.version }))) };
  }

  /** What the block page shows for `url`, blocked `via` the rules, the check or a shop page's scan. */
  async explain(tabId: number | null, url: string, via: BlockedVia, fetchDetails: boolean): Promise<BlockExplanation> {
    const lang = await this.ports.lang();
    let reasons: BlockReason[];
    if (via === 'shop') {
      const stored = tabId === null ? undefined : ((await browser.storage.session.get(coverKey(tabId)))[coverKey(tabId)] as { url: string; reasons: BlockReason[] } | undefined);
      reasons = stored?.url === url ? stored.reasons : [];
    } else {
      const answer = await checkNavigation(this.db, url, await this.choices(), fetchDetails ? { fetch: fetchBound } : {});
      // The lists small enough for the browser's rules keep their details on the device (cached, no fetch).
      const local = answer.reasons.some((r) => r.source === 'list' && !r.record) ? (await blockingDomainFiles(this.db, this.store.prefs())).lists : [];
      reasons = withLocalDetails(answer.reasons, local);
      // Stopped by the browser's rule, yet nothing blocks it: the rules are older than the lists.
      // Bring them up to date (the page itself opens nothing: continueTo refuses such a URL).
      if (!reasons.length && !answer.allowed && via === 'rule') void this.rules.rebuild();
    }
    return { url, site: siteOf(url), lang, reasons, detailsMissing: reasons.some((r) => r.source === 'list' && !r.record) };
  }

  /** The marks of a search page's results (their targets), looked up together. */
  async marks(urls: string[]): Promise<(TargetMark | null)[]> {
    return markTargets(this.db, urls, { prefs: this.store.prefs(), personal: await this.ports.personal() }, await this.ports.lang());
  }

  /**
   * "仍要访问": the site is let through for this session, under the lists now in use. Only a URL
   * that is blocked now (by the lists and the shopper's choices, or by the cover of the caller's
   * tab for that very URL) is let through: the block page is web-accessible, so any page can open
   * it with any address, and it must not become a way to open or pre-allow a site.
   */
  async continueTo(tabId: number | null, url: string): Promise<{ site: string | null }> {
    const site = siteOf(url);
    if (!site) throw new Error('not a blockable address');
    if (!(await this.blockedNow(tabId, url))) throw new Error('nothing blocks this address');
    const { lists } = await this.feedRows();
    await this.store.addContinued(site, lists);
    await this.applyAllowances();
    return { site };
  }

  /** Whether `url` is blocked now: by a list or the shopper's own, or covered in `tabId` after its scan. */
  private async blockedNow(tabId: number | null, url: string): Promise<boolean> {
    if (tabId !== null) {
      const stored = (await browser.storage.session.get(coverKey(tabId)))[coverKey(tabId)] as { url: string } | undefined;
      if (stored?.url === url) return true;
    }
    return (await checkNavigation(this.db, url, await this.choices())).reasons.length > 0;
  }

  async forgetContinued(sites: string[] | null) {
    const left = await this.store.forgetContinued(sites);
    await this.applyAllowances();
    return left.filter((a) => !a.auto);
  }

  continued() {
    return this.store.continued().filter((a) => !a.auto);
  }

  /** The browser's allow rule follows the allowances that still hold (a new list version ends them). */
  async applyAllowances(): Promise<void> {
    const { lists } = await this.feedRows();
    await this.rules.allowSites(currentAllowances(this.store.continued(), lists).map((a) => a.site));
  }

  async prefsView(): Promise<BlockPreferencesView> {
    const { feeds } = await this.feedRows();
    const actions = [...(await keeperActionsOf(this.db, feeds)).values()];
    const keeper = Object.fromEntries(
      LIST_NAMES.map((list): [ListName, ListAction[]] => [list, actions.length ? [...new Set(actions.map((a) => a[list]))] : [DEFAULT_LIST_ACTIONS[list]]]),
    ) as Record<ListName, ListAction[]>;
    return { prefs: this.store.prefs(), keeper };
  }

  async savePrefs(prefs: BlockPreferences): Promise<BlockPreferencesView> {
    await this.store.savePrefs(prefs);
    void this.rules.rebuild();
    return this.prefsView();
  }
}
