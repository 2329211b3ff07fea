/** Options entry: loads settings and strings, renders OptionsApp; a language change reloads strings. */
import browser from 'webextension-polyfill';
import { resolveLang, type Settings } from '../../src/ui-model/settings';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { loadPageStrings } from '../ui/extension-page-strings';
import { mountPage } from '../ui/mount-page';
import { OptionsApp } from './options-app';

async function show(settings: Settings) {
  const lang = resolveLang(settings, browser.i18n.getUILanguage());
  const t = await loadPageStrings(lang);
  const summary = await send('getStoredDataSummary', {});
  mountPage(<OptionsApp key={lang} initial={settings} summary={summary} t={t} onLanguage={(s) => void show(s)} />);
  // Set last: the page is in this language once the attribute says so.
  document.title = t('optionsTitle');
  document.documentElement.lang = htmlLang(lang);
}

send('getSettings', {})
  .then(show)
  .catch((error: unknown) => {
    document.body.textContent = String(error);
  });
