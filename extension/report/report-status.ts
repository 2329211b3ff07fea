import type { ReportSummary } from '../protocol/report-messages';
import type { T } from '../ui/i18n';

/** A time in the page's UI language (the entry sets <html lang>), not the browser's. */
export const localTime = (ms: number, timeOnly = false): string => {
  const d = new Date(ms);
  const lang = document.documentElement.lang || undefined;
  return timeOnly ? d.toLocaleTimeString(lang) : d.toLocaleString(lang);
};
const time = (ms: number) => localTime(ms);

/** One sentence on where a report stands, in the user's words (never just a code). */
export function statusDetail(r: ReportSummary, t: T, endpoints: readonly string[]): { text: string; error: boolean } {
  switch (r.status) {
    case 'kept':
      return { text: t(endpoints.length ? 'mrKeptCanSend' : 'mrKept'), error: false };
    case 'sent':
      return { text: t('mrSent', time(r.sentAt ?? r.createdAt), r.receipt?.id || '—', r.receipt?.endpoint ?? ''), error: false };
    case 'sending':
      return { text: t('mrSending'), error: false };
    case 'failed-permanent':
      return { text: t('mrRefused', r.failureReason ?? ''), error: true };
    case 'queued':
      // Nowhere to send it: no "waiting", no retry; it is kept here (my reports offers its 12315 draft).
      if (!endpoints.length) return { text: t('mrNoEndpoint'), error: false };
      if (r.attempts === 0) return { text: t('mrQueued'), error: false };
      return { text: t('mrRetrying', r.attempts, r.lastError ?? '', time(r.nextAttemptAt)), error: true };
  }
}
