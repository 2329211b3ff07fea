import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import { categoryLabel } from '../../src/reports/categories';
import type { Report } from '../../src/reports/report';
import type { ReportSummary } from '../protocol/report-messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { ComplaintView } from './complaint-view';
import { hostOf } from './report-draft';
import { localTime, statusDetail } from './report-status';

interface Props {
  r: ReportSummary;
  t: T;
  lang: Lang;
  endpoints: string[];
  onChanged: () => void;
}

/** One report in "my reports": status and why, retry now, discard (asks once more), 12315 draft. */
export function ReportRow({ r, t, lang, endpoints, onChanged }: Props) {
  const [confirm, setConfirm] = useState(false);
  const [full, setFull] = useState<Report | null>(null);
  const [open, setOpen] = useState<'12315' | 'json' | null>(null);
  const detail = statusDetail(r, t, endpoints);
  // A queued report with nowhere to go is not "waiting": it is kept here, like one saved that way.
  const shown = r.status === 'queued' && !endpoints.length ? 'kept' : r.status;
  const title = r.kind === 'false-positive' ? t('rpKindFalsePositive', r.disputedCode ?? '') : categoryLabel(r.category!, lang);
  const show = async (what: '12315' | 'json') => {
    if (open === what) return setOpen(null);
    setFull(full ?? (await send('getReport', { key: r.key })));
    setOpen(what);
  };
  return (
    <li class="lz-report-row" data-status={shown} data-key={r.key}>
      <div class="lz-row-head">
        <span class="lz-row-title">{title}</span>
        <span class="lz-status">{t(`mrStatus_${shown.replace('-', '_')}`)}</span>
      </div>
      <div class="lz-row-meta">
        {hostOf(r.url)} · {localTime(r.createdAt)}
        {r.hasScreenshot ? ` · ${t('mrWithScreenshot')}` : ''}
      </div>
      {r.text && <p class="lz-row-text">{r.text}</p>}
      <p class="lz-row-detail" data-kind={detail.error ? 'error' : 'info'} role={detail.error ? 'note' : undefined}>
        {detail.text}
      </p>
      <div class="lz-actions">
        {/* Only where a receiver is set: a report with nowhere to go has nothing to retry. */}
        {endpoints.length > 0 && (r.status === 'queued' || r.status === 'failed-permanent' || r.status === 'kept') && (
          <button type="button" class="lz-btn" data-action="retry" onClick={() => void send('retryReport', { key: r.key }).then(onChanged)}>
            {t(r.status === 'kept' ? 'mrSendNow' : 'mrRetryNow')}
          </button>
        )}
        {r.kind === 'suspect-shop' && r.category && (
          <button type="button" class="lz-btn" data-action="12315" aria-expanded={open === '12315'} onClick={() => void show('12315')}>
            {t('mr12315')}
          </button>
        )}
        <button type="button" class="lz-btn" aria-expanded={open === 'json'} onClick={() => void show('json')}>
          {t(r.status === 'sent' ? 'mrShowSent' : 'mrShowContent')}
        </button>
        <button
          type="button"
          class="lz-btn"
          data-action="discard"
          onClick={() => (confirm ? void send('discardReport', { key: r.key }).then(onChanged) : setConfirm(true))}
          onBlur={() => setConfirm(false)}
        >
          {confirm ? t(r.status === 'sent' ? 'mrConfirmRemove' : 'mrConfirmDiscard') : t(r.status === 'sent' ? 'mrRemove' : 'mrDiscard')}
        </button>
      </div>
      {open === 'json' && full && <pre class="lz-json-inline">{JSON.stringify({ ...full, screenshot: full.screenshot ? `${full.screenshot.slice(0, 40)}…` : null }, null, 2)}</pre>}
      {open === '12315' && full && <ComplaintView report={full} lang={lang} t={t} />}
    </li>
  );
}
