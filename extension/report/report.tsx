/** Report page entry: loads the draft and the user's language, then renders ReportApp. */
import browser from 'webextension-polyfill';
import { resolveLang } from '../../src/ui-model/settings';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { loadPageStrings } from '../ui/extension-page-strings';
import { mountPage } from '../ui/mount-page';
import { loadReportDraft } from './load-report-draft';
import { ReportApp } from './report-app';
import { REPORT_CSS } from './report-styles';
import { NothingToReport } from './nothing-to-report';

async function main() {
  const settings = await send('getSettings', {});
  const lang = resolveLang(settings, browser.i18n.getUILanguage());
  document.documentElement.lang = htmlLang(lang);
  const query = new URLSearchParams(location.search);
  const [t, draft, { endpoints, recipients }] = await Promise.all([loadPageStrings(lang), loadReportDraft(query), send('getReportEndpoints', {})]);
  document.title = `${t('rpTitle')} · ${t('extName')}`;
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.append(style);
  if (draft) {
    // A restored tab (after a crash or restart) finds its draft by this id.
    query.set('draft', draft.id);
    history.replaceState(null, '', `?${query}`);
  }
  mountPage(draft ? <ReportApp initial={draft} t={t} lang={lang} version={browser.runtime.getManifest().version} endpoints={endpoints} recipients={recipients} /> : <NothingToReport t={t} />);
  document.getElementById('root')!.dataset.state = draft ? 'ready' : 'empty';
}

main().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.dataset.state = 'error';
    root.textContent = String(error);
  }
});
