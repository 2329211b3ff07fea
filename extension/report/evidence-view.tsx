import type { ReportEvidence } from '../../src/reports/report';
import { kindKey, type T } from '../ui/i18n';
import { localTime } from './report-status';

/** The evidence a report carries, shown read-only so the user knows what is attached. */
export function EvidenceView({ evidence, t }: { evidence: ReportEvidence; t: T }) {
  return (
    <section class="lz-box" aria-labelledby="lz-evidence-h">
      <h2 id="lz-evidence-h">{t('rpEvidence')}</h2>
      <p>{t('rpEvidenceHelp')}</p>
      <dl class="lz-facts">
        <dt>{t('rpShopPage')}</dt>
        <dd class="lz-mono">{evidence.url}</dd>
        <dt>{t('rpPageTitle')}</dt>
        <dd>{evidence.title}</dd>
        {evidence.shopName && (
          <>
            <dt>{t('rpShopName')}</dt>
            <dd>{evidence.shopName}</dd>
          </>
        )}
        <dt>{t('rpCapturedAt')}</dt>
        <dd>{localTime(Date.parse(evidence.capturedAt))}</dd>
      </dl>
      {evidence.identifiers.length > 0 && (
        <>
          <h3 class="lz-sub">{t('sectionIdentifiers')}</h3>
          <ul class="lz-list">
            {evidence.identifiers.map((i) => (
              <li key={`${i.kind}-${i.value}`} class="lz-card lz-id">
                <span class="lz-id-kind">{t(kindKey(i.kind))}</span>
                <span class="lz-check" data-valid={String(i.valid)}>
                  {i.valid ? t('valid') : `✗ ${t('invalid')}`}
                </span>
                <span class="lz-id-value">{i.value}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {evidence.findings.length > 0 && (
        <>
          <h3 class="lz-sub">{t('sectionFindings')}</h3>
          <ul class="lz-list">
            {evidence.findings.map((f, n) => (
              <li key={`${f.code}-${n}`} class="lz-card" data-severity={f.severity} data-code={f.code}>
                <div class="lz-msg">
                  <span class="lz-chip">{t(`severity_${f.severity}`)}</span>
                  {f.message}
                </div>
                {f.evidence && (
                  <p class="lz-evidence">
                    <b>{t('evidence')}</b>
                    {f.evidence}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {evidence.identifiers.length === 0 && evidence.findings.length === 0 && <p>{t('rpEvidenceNone')}</p>}
    </section>
  );
}
