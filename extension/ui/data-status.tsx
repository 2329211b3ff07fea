import type { Finding } from '../../src/types';
import type { T } from './i18n';

/**
 * Splits a verdict's findings into those about the shop, those about the state of the lists
 * (missing, stale, a lookup that failed: said plainly, not as alarms), and good news (a red list:
 * never under "problems found").
 */
export function splitStatus(findings: Finding[]): { shop: Finding[]; status: Finding[]; good: Finding[] } {
  return {
    shop: findings.filter((f) => f.topic !== 'data-status' && f.topic !== 'good-news'),
    status: findings.filter((f) => f.topic === 'data-status'),
    good: findings.filter((f) => f.topic === 'good-news'),
  };
}

/**
 * "Black lists / credit: not checked / out of date / could not check X". Shown below the findings, in
 * the neutral info style: unknown is not clean, but it is not a reason to alarm either.
 */
export function DataStatus({ findings, t }: { findings: Finding[]; t: T }) {
  return <Notes findings={findings} title={t('sectionDataStatus')} kind="status" />;
}

/** Good news about the business (a red list), in the same neutral style: it vouches for no shop page. */
export function GoodNews({ findings, t }: { findings: Finding[]; t: T }) {
  return <Notes findings={findings} title={t('sectionGoodNews')} kind="good" />;
}

function Notes({ findings, title, kind }: { findings: Finding[]; title: string; kind: 'status' | 'good' }) {
  if (!findings.length) return null;
  return (
    <section class="lz-section" aria-label={title} data-notes={kind}>
      <h3>{title}</h3>
      <ul class="lz-list">
        {findings.map((f, i) => {
          const advice = f.advice;
          return (
            <li key={`${f.code}-${i}`} class="lz-card" data-severity="info" data-status={kind === 'status' ? f.code : undefined} data-good={kind === 'good' ? f.code : undefined}>
              <div class="lz-msg">{f.message}</div>
              {advice && <p class="lz-advice">{advice}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
