/** Popup entry: finds the tab to show (?tabId=N, else the active tab), then renders PopupApp. */
import browser from 'webextension-polyfill';
import { resolveLang } from '../../src/ui-model/settings';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { loadPageStrings } from '../ui/extension-page-strings';
import { mountPage } from '../ui/mount-page';
import { PopupApp } from './popup-app';

async function targetTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && new URLSearchParams(location.search).has('tabId')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function main() {
  const settings = await send('getSettings', {});
  const lang = resolveLang(settings, browser.i18n.getUILanguage());
  document.documentElement.lang = htmlLang(lang);
  const [t, tabId] = await Promise.all([loadPageStrings(lang), targetTab()]);
  const verdict = tabId === null ? null : await send('getTabVerdict', { tabId });
  const host = verdict ? new URL(verdict.url).hostname : null;
  const dismissed = host ? (await send('getStoredDataSummary', {})).dismissedSites.includes(host) : false;
  mountPage(<PopupApp verdict={verdict} t={t} lang={lang} dismissed={dismissed} tabId={tabId} />);
}

main().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.dataset.level = 'error';
    root.textContent = String(error);
  }
});
