import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { Report } from '../../src/reports/report';
import type { ReportSummary } from '../protocol/report-messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { ComplaintView } from './complaint-view';

interface Props {
  summary: ReportSummary | null;
  report: Report | null;
  hidden: { host: string; code: string } | null;
  endpoints: string[];
  t: T;
  lang: Lang;
}

/**
 * After "send" (or "save"): where the report is — on its way, or only on this device with the 12315
 * draft as the next step —, the 12315 draft, and undo of a hide.
 */
export function ReportDone({ summary, report, hidden, endpoints, t, lang }: Props) {
  const [undone, setUndone] = useState(false);
  const kept = summary?.status === 'kept' || (summary !== null && !endpoints.length);
  const dispute = report?.kind === 'false-positive';
  return (
    <>
      <section class="lz-box lz-done" role="status" data-kept={String(kept)}>
        {summary && (
          <>
            <h2>{t(kept ? 'rpDoneLocalTitle' : 'rpDoneTitle')}</h2>
            <p>{t(kept ? (dispute ? 'rpDoneLocalDispute' : 'rpDoneLocal') : 'rpDoneQueued')}</p>
          </>
        )}
        {hidden && (
          <p data-hidden={String(!undone)}>
            {undone ? t('rpUnhidden') : t('rpHidden', hidden.host)}{' '}
            {!undone && (
              <button type="button" class="lz-btn lz-inline-btn" onClick={() => void send('unsuppressFinding', hidden).then(() => setUndone(true))}>
                {t('rpUndo')}
              </button>
            )}
          </p>
        )}
        <div class="lz-row lz-buttons">
          <a class="lz-primary lz-link-primary" href="my-reports.html">
            {t('rpMyReports')}
          </a>
          <button type="button" class="lz-secondary" onClick={() => window.close()}>
            {t('rpClose')}
          </button>
        </div>
      </section>
      {report && <ComplaintView report={report} lang={lang} t={t} />}
    </>
  );
}
