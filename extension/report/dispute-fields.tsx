import type { ReportFinding } from '../../src/reports/report';
import { FindingHead } from '../ui/finding-card';
import type { T } from '../ui/i18n';

interface Props {
  t: T;
  host: string;
  finding: ReportFinding | null;
  code: string;
  hideHere: boolean;
  sendReport: boolean;
  text: string;
  onChange: (change: { hideHere?: boolean; sendReport?: boolean; text?: string }) => void;
}

/** "This warning is wrong": the warning, hide it here (for me), and/or tell the list keepers. */
export function DisputeFields({ t, host, finding, code, hideHere, sendReport, text, onChange }: Props) {
  return (
    <section class="lz-box" aria-labelledby="lz-dispute-h">
      <h2 id="lz-dispute-h">{t('rpDisputedWarning')}</h2>
      {finding ? (
        <ul class="lz-list">
          <li class="lz-card" data-severity={finding.severity} data-code={finding.code}>
            <FindingHead finding={finding} t={t} />
          </li>
        </ul>
      ) : (
        <p class="lz-error">{t('rpDisputeGone', code)}</p>
      )}
      <label class="lz-check-row">
        <input type="checkbox" name="hideHere" checked={hideHere} onChange={(e) => onChange({ hideHere: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('rpHideHere', host)}</span>
      </label>
      <label class="lz-check-row">
        <input type="checkbox" name="sendReport" checked={sendReport} onChange={(e) => onChange({ sendReport: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('rpTellKeepers')}</span>
      </label>
      {sendReport && (
        <>
          <h3 class="lz-sub">
            <label for="lz-text">{t('rpWhyWrong')}</label>
          </h3>
          <textarea id="lz-text" name="text" rows={4} value={text} onInput={(e) => onChange({ text: (e.currentTarget as HTMLTextAreaElement).value })} />
        </>
      )}
    </section>
  );
}
