import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Finding } from '../../src/types';
import type { T } from './i18n';
import { LocateGlyph } from './icons';

/** Scrolls to and outlines a piece of evidence; false when it is no longer on the page. */
export type Locate = (ref: number) => boolean;

/** "This warning is wrong": opens the false-positive report for this finding. */
export type Dispute = (finding: Finding) => void;

/** What was found and the page's own words: the part of a finding every view shows. */
export function FindingHead({ finding, t }: { finding: Pick<Finding, 'severity' | 'message' | 'evidence'> & Partial<Pick<Finding, 'params'>>; t: T }) {
  // A finding that rests on a registry's answer quotes the registry, not the page.
  const fromRegistry = finding.params?.registrySite !== undefined;
  return (
    <>
      <div class="lz-msg">
        <span class="lz-chip">{t(`severity_${finding.severity}`)}</span>
        {finding.message}
      </div>
      {finding.evidence && (
        <p class="lz-evidence" data-from={fromRegistry ? 'registry' : 'page'}>
          <b>{fromRegistry ? t('officialAnswer') : t('evidence')}</b>
          {finding.evidence}
        </p>
      )}
    </>
  );
}

/**
 * One finding: what was found, the page's own words, why it matters and what to do, where it is;
 * `extra` is where to check it (a badge's finding carries the place to check what the badge claims).
 */
export function FindingCard({ finding, t, locate, onDispute, extra }: { finding: Finding; t: T; locate: Locate | undefined; onDispute?: Dispute; extra?: ComponentChildren }) {
  const [missing, setMissing] = useState(false);
  const advice = finding.advice ?? null;
  const ref = finding.ref;
  // The user's own list entry is removed in the options, not disputed.
  const disputable = onDispute && finding.code !== 'personal-warn';
  return (
    <li class="lz-card" data-severity={finding.severity} data-code={finding.code}>
      <FindingHead finding={finding} t={t} />
      {advice && (
        <p class="lz-advice">
          <b>{t('advice')}</b>
          {advice}
        </p>
      )}
      {extra}
      {((locate && ref !== undefined) || disputable) && (
        <div class="lz-actions">
          {locate && ref !== undefined && (
            <button type="button" class="lz-btn" data-action="locate" aria-label={missing ? undefined : t('showOnPageOf', finding.message)} disabled={missing} onClick={() => setMissing(!locate(ref))}>
              {!missing && <LocateGlyph />}
              {missing ? t('notOnPage') : t('showOnPage')}
            </button>
          )}
          {disputable && (
            <button type="button" class="lz-btn lz-dispute" data-action="dispute" aria-label={t('findingWrongOf', finding.message)} onClick={() => onDispute(finding)}>
              {t('findingWrong')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
