/**
 * The background: constructs its components in a fixed order on the first tick (each registers its
 * listeners in its constructor), then routes messages. Nothing in memory is trusted across a restart.
 */
import browser from 'webextension-polyfill';
import type { StoredDataSummary, TabCommand } from '../protocol/messages';
import { ownSiteOnly } from '../protocol/authorize';
import { resolveLang } from '../../src/ui-model/settings';
import { ListsService } from './lists-service';
import { PageChecks } from './page-checks';
import { PageEngine } from './page-engine';
import { readingVerdict } from './picture-reading';
import { capturePicture, PictureMenu } from './picture-menu';
import { SnapshotUploads } from './snapshot-uploads';
import { MessageRouter } from '../protocol/message-router';
import { reportHandlers } from './report-handlers';
import { ReportEndpoints } from './report-endpoints';
import { ReportsService } from './reports-service';
import { RegistryLookups } from './registry-lookups';
import { FirstRun } from './first-run';
import { recommendedConfig } from './recommended-config';
import { manifestUrl } from '../../src/lists/subscriptions';
import { SettingsStore } from './settings-store';
import { pageConfig } from './page-config';
import { TabVerdicts } from './tab-verdicts';
import { ToolbarBadge } from './toolbar-badge';
import { UiStrings } from './ui-strings';
import { makeT } from '../ui/i18n';
import { PERSONAL_KEY, UserRulesStore } from './user-rules-store';
import { BlockingStore } from './blocking-store';
import { BlockRulesService } from './block-rules-service';
import { BlockingService } from './blocking-service';

const settings = new SettingsStore();
const strings = new UiStrings();
/** The UI language the options chose (or the browser's). */
const uiLang = async () => resolveLang(await settings.get(), browser.i18n.getUILanguage());
const badge = new ToolbarBadge(async () => makeT(await strings.get(await uiLang()).catch(() => ({})), (key) => browser.i18n.getMessage(key)));
const verdicts = new TabVerdicts((tabId, v) => badge.show(tabId, v));
// A new list version (or a feed removed) changes what the browser's rules must block.
const lists = new ListsService(() => void blockRules.rebuild());
const engine = new PageEngine();
const userRules = new UserRulesStore();
const registry = new RegistryLookups();
const blockingStore = new BlockingStore();
const blockRules = new BlockRulesService(lists.db, blockingStore, () => userRules.personal(), PERSONAL_KEY);
const blocking = new BlockingService(lists.db, blockingStore, blockRules, {
  personal: () => userRules.personal(),
  lang: async () => resolveLang(await settings.get(), browser.i18n.getUILanguage()),
});
const firstRun = new FirstRun();
const pages = new PageChecks(
  {
    scan: (snapshot, url) => engine.scan(snapshot, url),
    readPictures: (pictures) => engine.readPictures(pictures),
    lookup: (facts) => lists.lookup(facts),
    registry: (tabId, facts) => registry.lookup(tabId, facts),
    userRules: () => userRules.rules(),
    settings: async () => {
      const s = await settings.get();
      return { settings: s, lang: resolveLang(s, browser.i18n.getUILanguage()) };
    },
    store: async (tabId, verdict) => {
      await verdicts.set(tabId, verdict);
      // A licence on a blocking list: the tab's guard covers the page with the block page.
      await blocking.coverIfListed(tabId, verdict).catch((e: unknown) => console.warn('[liangzhao] cover:', e));
    },
    markReading: async (tabId, url, srcs) => {
      const reading = readingVerdict(await verdicts.get(tabId), url, srcs);
      if (reading) await verdicts.set(tabId, reading);
    },
  },
  new SnapshotUploads(),
);
browser.tabs.onRemoved.addListener((tabId) => pages.forgetTab(tabId));
new PictureMenu();
const reportEndpoints = new ReportEndpoints();
const reports = new ReportsService(reportEndpoints);
const ready = Promise.all([settings.ready, badge.ready, verdicts.ready, strings.ready, lists.ready, userRules.ready, reportEndpoints.ready, reports.ready, registry.ready, firstRun.ready, blockingStore.ready]);
// The browser keeps dynamic rules across restarts; an install or update may change what they must be.
browser.runtime.onInstalled.addListener(() => void ready.then(() => blockRules.rebuild()));

async function summary(): Promise<StoredDataSummary> {
  const [s, saved, dismissedSites, tabVerdicts, hidden, personal, counts, feeds, registryAnswers] = await Promise.all([
    settings.get(),
    settings.isSaved(),
    settings.dismissed(),
    verdicts.count(),
    userRules.suppressions(),
    userRules.personal(),
    reports.outbox.counts(),
    lists.status(),
    registry.count(),
  ]);
  const continuedSites = blocking.continued().length;
  return {
    settingsSaved: saved,
    allowlist: s.allowlist.length,
    dismissedSites,
    tabVerdicts,
    hiddenWarnings: hidden.length,
    personalEntries: personal.length,
    reports: counts,
    listEntries: feeds.reduce((n, f) => n + f.counts.blacklist + f.counts.entities, 0),
    registryAnswers,
    continuedSites,
  };
}

/**
 * The danger panel's "离开这个页面": back where the shopper came from, or, with nothing to go back
 * to (a shop opened in a new tab), an empty page.
 */
async function leaveTab(tabId: number): Promise<void> {
  try {
    await browser.tabs.goBack(tabId);
  } catch {
    await browser.tabs.update(tabId, { url: 'about:blank' });
  }
}

// The keyboard command (default Alt+Shift+L): the active tab's panel opens and takes the focus.
browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'open-panel') return;
  const command_: TabCommand = { lzCommand: 'openPanel' };
  const send = async () => {
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await browser.tabs.sendMessage(id, command_);
  };
  // A page without our content script (a browser page, an allowlisted site) has nobody to open.
  send().catch(() => undefined);
});

new MessageRouter(
  {
    ...reportHandlers(reports, reportEndpoints, userRules),
    async getPageConfig({ host }) {
      return pageConfig(await settings.get(), await settings.dismissed(), host, browser.i18n.getUILanguage());
    },
    async getPageStrings({ lang }) {
      // Without them the page falls back to the browser's own language (page-strings.ts).
      return { strings: await strings.get(lang).catch(() => ({})) };
    },
    async uploadPiece(piece, caller) {
      if (caller.tabId === null) throw new Error('uploadPiece needs a tab');
      return pages.receivePiece(caller.tabId, piece);
    },
    async checkPage(page, caller) {
      if (caller.tabId === null) return { stored: false, result: null, locators: [], autoExpand: false };
      return pages.check(caller.tabId, page);
    },
    async getPictureStatus() {
      return engine.pictureStatus();
    },
    async capturePicture(_payload, caller) {
      if (caller.tabId === null) return { dataUrl: null, reason: 'no tab' };
      return capturePicture(caller.tabId);
    },
    async reportVerdict({ url, allowlisted }, caller) {
      if (caller.tabId === null) return { stored: false };
      await verdicts.set(caller.tabId, { url, result: null, allowlisted, reportedAt: Date.now() });
      return { stored: true };
    },
    async dismissSite({ host }, caller) {
      return { dismissed: await settings.dismiss(ownSiteOnly(host, caller)) };
    },
    async leavePage(_, caller) {
      if (caller.tabId === null) return { left: false };
      await leaveTab(caller.tabId);
      return { left: true };
    },
    async setPanelSide({ side }) {
      const saved = await settings.save({ ...(await settings.get()), panelSide: side });
      return { side: saved.panelSide };
    },
    async panelCovered({ covered }, caller) {
      if (caller.tabId === null) return { pulsing: false };
      return { pulsing: badge.pulse(caller.tabId, await verdicts.get(caller.tabId), covered) };
    },
    async getTabVerdict({ tabId }) {
      return verdicts.get(tabId);
    },
    async getSettings() {
      return settings.get();
    },
    async saveSettings({ settings: next }) {
      return settings.save(next);
    },
    async undismissSite({ host }, caller) {
      return { dismissed: await settings.undismiss(ownSiteOnly(host, caller)) };
    },
    async getStoredDataSummary() {
      return summary();
    },
    async getSyncStatus() {
      return lists.status();
    },
    async subscribeFeed(sub) {
      return lists.subscribe(sub);
    },
    async unsubscribeFeed({ id }) {
      return lists.unsubscribe(id);
    },
    async syncFeeds({ id }) {
      return { started: await lists.syncNow(id) };
    },
    async openRegistryLookup({ tabId, ...lookup }, caller) {
      // The panel asks for its own tab; an extension page (the popup) names the tab it shows.
      const shopTab = caller.privileged ? tabId : caller.tabId;
      if (shopTab === null) throw new Error('openRegistryLookup needs the shop tab');
      return registry.open(shopTab, lookup);
    },
    async submitRegistryReading(payload, caller) {
      return registry.receive(caller, payload);
    },
    async getRecommendedFeeds() {
      const [config, statuses] = await Promise.all([recommendedConfig(), lists.status()]);
      const feeds = config.feeds.map((f) => ({ ...f, status: statuses.find((s) => manifestUrl(s.url) === f.url) ?? null }));
      return { feeds, reportEndpoint: config.reportEndpoint, problems: config.problems };
    },
    async getRegistryAnswers() {
      return registry.list();
    },
    async forgetRegistryAnswers({ ids }) {
      return registry.forget(ids);
    },
    async checkNavigation({ url }) {
      return { block: await blocking.check(url) };
    },
    async markSearchResults({ urls }) {
      return { marks: await blocking.marks(urls) };
    },
    async explainBlock({ url, via, fetchDetails }, caller) {
      return blocking.explain(caller.tabId, url, via, fetchDetails);
    },
    async continueToSite({ url }, caller) {
      return blocking.continueTo(caller.tabId, url);
    },
    async closeBlockedTab(_payload, caller) {
      if (caller.tabId === null) return { closed: false };
      await browser.tabs.remove(caller.tabId);
      return { closed: true };
    },
    async getBlockPreferences() {
      return blocking.prefsView();
    },
    async saveBlockPreferences({ prefs }) {
      return blocking.savePrefs(prefs);
    },
    async getContinuedSites() {
      return blocking.continued();
    },
    async forgetContinuedSites({ sites }) {
      return blocking.forgetContinued(sites);
    },
    async getBlockingStatus() {
      return blockRules.status();
    },
    async clearStoredData() {
      // Everything about the user and the pages they visited; reports still waiting to be sent stay
      // (see Outbox.forgetFinished), and so do the public lists.
      await Promise.all([settings.clear(), verdicts.clear(), userRules.clear(), reports.outbox.forgetFinished(), registry.forget(null), blockingStore.clear()]);
      await blocking.applyAllowances();
      void blockRules.rebuild();
      return summary();
    },
  },
  ready,
);
