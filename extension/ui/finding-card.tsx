import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import { fill } from '../../src/rules/rule';
import { ruleByCode } from '../../src/rules/registry';
import type { Finding } from '../../src/types';
import type { T } from './i18n';
import { LocateGlyph } from './icons';

/** Scrolls to and outlines a piece of evidence; false when it is no longer on the page. */
export type Locate = (ref: number) => boolean;

/** One finding: what was found, the page's own words, why it matters and what to do, where it is. */
export function FindingCard({ finding, t, lang, locate }: { finding: Finding; t: T; lang: Lang; locate: Locate | undefined }) {
  const [missing, setMissing] = useState(false);
  const rule = ruleByCode(finding.code);
  const advice = rule ? fill(rule.advice[lang], finding.params) : null;
  const ref = finding.ref;
  return (
    <li class="lz-card" data-severity={finding.severity} data-code={finding.code}>
      <div class="lz-msg">
        <span class="lz-chip">{t(`severity_${finding.severity}`)}</span>
        {finding.message}
      </div>
      {finding.evidence && (
        <p class="lz-evidence">
          <b>{t('evidence')}</b>
          {finding.evidence}
        </p>
      )}
      {advice && (
        <p class="lz-advice">
          <b>{t('advice')}</b>
          {advice}
        </p>
      )}
      {locate && ref !== undefined && (
        <div class="lz-actions">
          <button type="button" class="lz-btn" disabled={missing} onClick={() => setMissing(!locate(ref))}>
            {!missing && <LocateGlyph />}
            {missing ? t('notOnPage') : t('showOnPage')}
          </button>
        </div>
      )}
    </li>
  );
}
