import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { ReportsProtocol } from '../protocol/report-messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';
import { hostOf } from './report-draft';
import { ReportRow } from './report-row';
import { localTime } from './report-status';

type Listing = ReportsProtocol['listReports']['response'];

const POLL_MS = 1500;

/** "My reports": every report kept on this device with its status, and unfinished drafts. */
export function MyReportsApp({ initial, t, lang }: { initial: Listing; t: T; lang: Lang }) {
  const [list, setList] = useState(initial);
  const refresh = () => void send('listReports', {}).then(setList);
  useEffect(() => {
    // The service worker sends in the background; the page follows by asking again.
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const { reports, drafts, endpoints } = list;
  const waiting = reports.filter((r) => r.status === 'queued' || r.status === 'sending').length;
  return (
    <main class="lz-options lz-report" data-count={reports.length}>
      <h1>
        <Shield level="ok" />
        {t('mrTitle')}
      </h1>
      <p class="lz-lead">{t('mrLead')}</p>
      {!endpoints.length && (
        <div class="lz-banner" role="note">
          {t('mrBannerNoEndpoint')}{' '}
          <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
            {t('openOptions')}
          </a>
        </div>
      )}
      {endpoints.length > 0 && waiting > 0 && <p class="lz-row-meta">{t('mrWaiting', waiting, endpoints.join(', '))}</p>}
      {reports.length === 0 && drafts.length === 0 && <section class="lz-box"><p>{t('mrEmpty')}</p></section>}
      {reports.length > 0 && (
        <ul class="lz-reports" aria-label={t('mrTitle')}>
          {reports.map((r) => (
            <ReportRow key={r.key} r={r} t={t} lang={lang} endpoints={endpoints} onChanged={refresh} />
          ))}
        </ul>
      )}
      {drafts.length > 0 && (
        <>
          <h2 class="lz-sub">{t('mrDrafts')}</h2>
          <ul class="lz-reports">
            {drafts.map((d) => (
              <li key={d.id} class="lz-report-row" data-status="draft">
                <div class="lz-row-head">
                  <span class="lz-row-title">{hostOf(d.evidence.url)}</span>
                  <span class="lz-status">{t('mrStatus_draft')}</span>
                </div>
                <div class="lz-row-meta">{localTime(d.updatedAt)}</div>
                {d.text && <p class="lz-row-text">{d.text}</p>}
                <div class="lz-actions">
                  <a class="lz-btn" href={`report.html?draft=${encodeURIComponent(d.id)}`}>
                    {t('mrContinue')}
                  </a>
                  <button type="button" class="lz-btn" onClick={() => void send('deleteReportDraft', { id: d.id }).then(refresh)}>
                    {t('mrDeleteDraft')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
