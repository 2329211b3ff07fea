import type { Finding } from '../../src/types';
import type { T } from './i18n';

/**
 * Splits a verdict's findings into those about the shop and those about the state of the lists
 * (missing, stale, a lookup that failed), which are said plainly, not as alarms.
 */
export function splitStatus(findings: Finding[]): { shop: Finding[]; status: Finding[] } {
  return { shop: findings.filter((f) => f.topic !== 'data-status'), status: findings.filter((f) => f.topic === 'data-status') };
}

/**
 * "Black lists / credit: not checked / out of date / could not check X". Shown below the findings, in
 * the neutral info style: unknown is not clean, but it is not a reason to alarm either.
 */
export function DataStatus({ findings, t }: { findings: Finding[]; t: T }) {
  if (!findings.length) return null;
  return (
    <section class="lz-section" aria-label={t('sectionDataStatus')}>
      <h3>{t('sectionDataStatus')}</h3>
      <ul class="lz-list">
        {findings.map((f, i) => {
          const advice = f.advice;
          return (
            <li key={`${f.code}-${i}`} class="lz-card" data-severity="info" data-status={f.code}>
              <div class="lz-msg">{f.message}</div>
              {advice && <p class="lz-advice">{advice}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
