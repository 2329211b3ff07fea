import { categoryLabel } from '../../src/reports/categories';
import { previewReport } from '../../src/reports/preview-report';
import type { Report } from '../../src/reports/report';
import type { T } from '../ui/i18n';
import type { ReportRecipient } from '../../src/lists/recommended-feeds';

interface Props {
  report: Report;
  endpoints: string[];
  /** Who receives at each endpoint, when the distributor named it. */
  recipients?: ReportRecipient[];
  t: T;
  busy: boolean;
  onBack: () => void;
  onSend: () => void;
}

/** A data URL is long; the JSON view shows its start and size, and the picture is shown above. */
function shownJson(json: string, screenshot: string | null): string {
  return screenshot ? json.replace(screenshot, `${screenshot.slice(0, 40)}… (${screenshot.length} characters)`) : json;
}

/**
 * Step 2: exactly what will be sent (previewReport is the request body and headers), where to,
 * and nothing else. "Send" queues this very object; going back makes a new one.
 */
export function ReportPreview({ report, endpoints, recipients = [], t, busy, onBack, onSend }: Props) {
  const p = previewReport(report);
  const lang = report.lang;
  return (
    <section class="lz-box lz-preview" aria-labelledby="lz-preview-h">
      <h2 id="lz-preview-h">{t('rpPreviewTitle')}</h2>
      <p>{t('rpPreviewHelp')}</p>
      <dl class="lz-facts">
        <dt>{t('rpKind')}</dt>
        <dd>{report.kind === 'false-positive' ? t('rpKindFalsePositive', report.falsePositive?.code ?? '') : categoryLabel(report.category!, lang)}</dd>
        <dt>{t('rpText')}</dt>
        <dd class="lz-pre">{report.text || '—'}</dd>
        <dt>{t('rpShopPage')}</dt>
        <dd class="lz-mono">{report.evidence.url}</dd>
        <dt>{t('rpAttached')}</dt>
        <dd>{t('rpAttachedCounts', report.evidence.identifiers.length, report.evidence.findings.length)}</dd>
        <dt>{t('rpScreenshot')}</dt>
        <dd>{report.screenshot ? <img class="lz-thumb" src={report.screenshot} alt={t('rpScreenshotAlt')} /> : t('rpNoScreenshot')}</dd>
        <dt>{t('rpSendTo')}</dt>
        <dd>
          {endpoints.length ? (
            endpoints.map((e) => {
              const who = recipients.find((r) => r.url === e)?.organisation?.[lang];
              return (
                <div key={e} data-recipient={who ? 'named' : 'own'}>
                  <b>{who ? t('rpReceiver', who) : t('rpReceiverOwn')}</b>
                  <div class="lz-mono">POST {e}</div>
                </div>
              );
            })
          ) : (
            <span class="lz-warn-text">{t('rpNoEndpoint')}</span>
          )}
        </dd>
      </dl>
      <details class="lz-json">
        <summary>{t('rpShowJson', p.bytes)}</summary>
        <pre>
          {`Content-Type: ${p.headers['content-type']}\nIdempotency-Key: ${p.headers['idempotency-key']}\n\n`}
          {shownJson(JSON.stringify(p.body, null, 2), report.screenshot)}
        </pre>
      </details>
      <p class="lz-privacy">{t('rpPrivacy')}</p>
      <div class="lz-row lz-buttons">
        <button type="button" class="lz-primary" disabled={busy} onClick={onSend}>
          {t('rpSend')}
        </button>
        <button type="button" class="lz-secondary" disabled={busy} onClick={onBack}>
          {t('rpBack')}
        </button>
      </div>
    </section>
  );
}
