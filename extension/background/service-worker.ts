/**
 * The background: constructs its components in a fixed order on the first tick (each registers its
 * listeners in its constructor), then routes messages. Nothing in memory is trusted across a restart.
 */
import browser from 'webextension-polyfill';
import { findAllowlisted } from '../../src/ui-model/site-pattern';
import { resolveLang } from '../../src/ui-model/settings';
import { MessageRouter } from './message-router';
import { SettingsStore } from './settings-store';
import { TabVerdicts } from './tab-verdicts';
import { ToolbarBadge } from './toolbar-badge';
import { UiStrings } from './ui-strings';

const settings = new SettingsStore();
const badge = new ToolbarBadge();
const verdicts = new TabVerdicts((tabId, v) => badge.show(tabId, v?.result?.verdict.level ?? null));
const strings = new UiStrings();
const ready = Promise.all([settings.ready, badge.ready, verdicts.ready, strings.ready]);

async function summary() {
  const s = await settings.get();
  return {
    settingsSaved: await settings.isSaved(),
    allowlist: s.allowlist.length,
    dismissedSites: await settings.dismissed(),
    tabVerdicts: await verdicts.count(),
  };
}

new MessageRouter(
  {
    async getPageConfig({ host }) {
      const s = await settings.get();
      return {
        settings: s,
        lang: resolveLang(s, browser.i18n.getUILanguage()),
        dismissed: (await settings.dismissed()).includes(host.toLowerCase()),
        allowlisted: findAllowlisted(s.allowlist, host) ?? null,
      };
    },
    async reportVerdict({ url, result, allowlisted }, caller) {
      if (caller.tabId === null) return { stored: false };
      await verdicts.set(caller.tabId, { url, result, allowlisted, reportedAt: Date.now() });
      return { stored: true };
    },
    async dismissSite({ host }) {
      return { dismissed: await settings.dismiss(host) };
    },
    async getUiStrings({ lang }) {
      return { strings: await strings.get(lang) };
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
    async undismissSite({ host }) {
      return { dismissed: await settings.undismiss(host) };
    },
    async getStoredDataSummary() {
      return summary();
    },
    async clearStoredData() {
      await settings.clear();
      await verdicts.clear();
      return summary();
    },
  },
  ready,
);
