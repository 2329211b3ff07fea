/** "My reports" entry: the outbox as the service worker sees it, refreshed while open. */
import browser from 'webextension-polyfill';
import { resolveLang } from '../../src/ui-model/settings';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { loadPageStrings } from '../ui/extension-page-strings';
import { mountPage } from '../ui/mount-page';
import { MyReportsApp } from './my-reports-app';
import { REPORT_CSS } from './report-styles';

async function main() {
  const settings = await send('getSettings', {});
  const lang = resolveLang(settings, browser.i18n.getUILanguage());
  document.documentElement.lang = htmlLang(lang);
  const [t, list] = await Promise.all([loadPageStrings(lang), send('listReports', {})]);
  document.title = `${t('mrTitle')} · ${t('extName')}`;
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.append(style);
  mountPage(<MyReportsApp initial={list} t={t} lang={lang} />);
  document.getElementById('root')!.dataset.state = 'ready';
}

main().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.dataset.state = 'error';
    root.textContent = String(error);
  }
});
