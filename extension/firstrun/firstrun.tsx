/** First-run entry: the user's language, its strings and the recommended lists, then FirstRunApp. */
import browser from 'webextension-polyfill';
import { resolveLang } from '../../src/ui-model/settings';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { loadPageStrings } from '../ui/extension-page-strings';
import { mountPage } from '../ui/mount-page';
import { FirstRunApp } from './firstrun-app';
import { FIRST_RUN_CSS } from './firstrun-styles';

async function main() {
  const settings = await send('getSettings', {});
  const lang = resolveLang(settings, browser.i18n.getUILanguage());
  const [t, recommended] = await Promise.all([loadPageStrings(lang), send('getRecommendedFeeds', {})]);
  const style = document.createElement('style');
  style.textContent = FIRST_RUN_CSS;
  document.head.append(style);
  mountPage(<FirstRunApp initial={recommended} t={t} lang={lang} />);
  document.title = t('frTitle');
  document.documentElement.lang = htmlLang(lang);
}

main().catch((error: unknown) => {
  document.body.textContent = String(error);
});
