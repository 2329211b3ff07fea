import type { StoredDataSummary } from '../protocol/messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

/** What the extension keeps on this device, counted, and "clear" (reports not yet sent stay). */
export function DataSection({ summary, t, onCleared }: { summary: StoredDataSummary; t: T; onCleared: (s: StoredDataSummary) => void }) {
  return (
    <div class="lz-box" data-section="data">
      <p>{t('optDataIntro')}</p>
      <ul class="lz-data">
        <li>{t('optDataSettings', summary.allowlist)}</li>
        <li>{t('optDataDismissed', summary.dismissedSites.length)}</li>
        <li>{t('optDataTabs', summary.tabVerdicts)}</li>
        <li>{t('optDataHidden', summary.hiddenWarnings)}</li>
        <li>{t('optDataPersonal', summary.personalEntries)}</li>
        <li>{t('optDataReports', summary.reports.waiting, summary.reports.done, summary.reports.drafts, summary.reports.kept)}</li>
        <li>{t('optDataLists', summary.listEntries)}</li>
        <li>{t('optDataRegistry', summary.registryAnswers)}</li>
        <li>{t('optDataContinued', summary.continuedSites)}</li>
      </ul>
      <div class="lz-row">
        <button type="button" class="lz-danger-btn" onClick={() => void send('clearStoredData', {}).then(onCleared)}>
          {t('optClear')}
        </button>
      </div>
    </div>
  );
}
