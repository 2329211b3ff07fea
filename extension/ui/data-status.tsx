import type { Lang } from '../../src/i18n/lang';
import { DATA_RULES } from '../../src/verdict/data-rules';
import { creditUnknown, listsStale, listsUnavailable } from '../../src/verdict/rules/list-status';
import { fill } from '../../src/verdict/rule';
import { registerRules, ruleByCode } from '../../src/verdict/registry';
import type { Finding } from '../../src/types';
import type { T } from './i18n';

// The service worker adds data findings (blacklisted, deregistered…): their explanations must be
// found wherever findings are shown, popup included.
registerRules(...DATA_RULES);

/** Findings about the lists themselves (missing, stale, lookup failed): said plainly, not as alarms. */
const STATUS_CODES: ReadonlySet<string> = new Set([listsUnavailable.code, listsStale.code, creditUnknown.code]);

/** Splits a verdict's findings into those about the shop and those about the state of the lists. */
export function splitStatus(findings: Finding[]): { shop: Finding[]; status: Finding[] } {
  return { shop: findings.filter((f) => !STATUS_CODES.has(f.code)), status: findings.filter((f) => STATUS_CODES.has(f.code)) };
}

/**
 * "Black lists / credit: not checked / out of date / could not check X". Shown below the findings, in
 * the neutral info style: unknown is not clean, but it is not a reason to alarm either.
 */
export function DataStatus({ findings, t, lang }: { findings: Finding[]; t: T; lang: Lang }) {
  if (!findings.length) return null;
  return (
    <section class="lz-section" aria-label={t('sectionDataStatus')}>
      <h3>{t('sectionDataStatus')}</h3>
      <ul class="lz-list">
        {findings.map((f, i) => {
          const rule = ruleByCode(f.code);
          return (
            <li key={`${f.code}-${i}`} class="lz-card" data-severity="info" data-status={f.code}>
              <div class="lz-msg">{f.message}</div>
              {rule && <p class="lz-advice">{fill(rule.advice[lang], f.params)}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
