import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

/** Sites where the user hid the panel (the toolbar still shows the level), each with an undo. */
export function DismissedSection({ sites, t, onChange }: { sites: string[]; t: T; onChange: () => void }) {
  return (
    <div class="lz-box" data-section="dismissed">
      <h3>{t('optDismissed')}</h3>
      {sites.length === 0 ? (
        <p>{t('optDismissedEmpty')}</p>
      ) : (
        <ul class="lz-chips" data-list="dismissed">
          {sites.map((host) => (
            <li key={host}>
              {host}
              <button type="button" aria-label={t('optAllowlistRemove', host)} onClick={() => void send('undismissSite', { host }).then(onChange)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
