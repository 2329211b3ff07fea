import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { StoredAnswer } from '../../src/registries/answers-db';
import { REGISTRY_NAMES } from '../../src/registries/site-names';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { ageText } from '../ui/official-line';

/**
 * "What data the extension keeps": the answers the shopper brought back from the official registries
 * (value, what the registry said, when, which page), each deletable, and all at once.
 */
export function RegistryAnswersSection({ t, lang, onChange }: { t: T; lang: Lang; onChange: () => void }) {
  const [rows, setRows] = useState<StoredAnswer[]>([]);
  useEffect(() => void send('getRegistryAnswers', {}).then(setRows), []);
  const forget = (ids: string[] | null) =>
    void send('forgetRegistryAnswers', { ids }).then((left) => {
      setRows(left);
      onChange();
    });
  return (
    <section class="lz-box" data-section="registry-answers">
      <h3>{t('optRegistryTitle')}</h3>
      <p>{t('optRegistryIntro')}</p>
      {rows.length === 0 ? (
        <p>{t('optRegistryNone')}</p>
      ) : (
        <>
          <ul class="lz-list" data-list="registry-answers">
            {rows.map((r) => (
              <li key={r.id} class="lz-card lz-id" data-id={r.id}>
                <span class="lz-id-value">{r.value}</span>
                <button type="button" class="lz-btn" onClick={() => forget([r.id])}>
                  {t('optRegistryForget')}
                </button>
                <span class="lz-id-kind">
                  {REGISTRY_NAMES[r.site][lang]} · {ageText(r.at, t)} · {new Date(r.at).toLocaleString(lang)}
                </span>
                <span />
                <span class="lz-official-words">{r.answer.words}</span>
                <span />
                <a class="lz-id-kind" href={r.answer.url} target="_blank" rel="noopener noreferrer">
                  {t('optRegistryOpen')}
                </a>
              </li>
            ))}
          </ul>
          <div class="lz-row">
            <button type="button" class="lz-btn" onClick={() => forget(null)}>
              {t('optRegistryForgetAll')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
