import { useEffect, useState } from 'preact/hooks';
import type { FindingSuppression } from '../../src/user-rules/suppression';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

/** Warnings the user marked as wrong, per site and rule, each with an undo. */
export function HiddenWarningsSection({ t }: { t: T }) {
  const [list, setList] = useState<FindingSuppression[]>([]);
  useEffect(() => void send('listSuppressions', {}).then((r) => setList(r.suppressions)), []);
  return (
    <section class="lz-box" data-section="hidden-warnings">
      <h3>{t('optHidden')}</h3>
      <p>{t('optHiddenHelp')}</p>
      {list.length === 0 ? (
        <p>{t('optHiddenNone')}</p>
      ) : (
        <ul class="lz-list" data-list="hidden-warnings">
          {list.map((s) => (
            <li key={`${s.host}|${s.code}`} class="lz-card lz-id">
              <span class="lz-id-value">{s.host}</span>
              <button type="button" class="lz-btn" onClick={() => void send('unsuppressFinding', { host: s.host, code: s.code }).then((r) => setList(r.suppressions))}>
                {t('optHiddenUndo')}
              </button>
              <span class="lz-id-kind">
                {s.code}
                {s.evidence ? ` · ${s.evidence}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
