import { useState } from 'preact/hooks';
import { parseSitePattern } from '../../src/ui-model/site-pattern';
import type { Settings } from '../../src/ui-model/settings';
import type { T } from '../ui/i18n';

/**
 * "不检查的网站" (the settings' allowlist): sites the extension does not read at all. Said apart from
 * trusting a shop, which still checks it (my lists).
 */
export function NotCheckedSection({ settings, t, save }: { settings: Settings; t: T; save: (next: Settings) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSitePattern(draft);
    if (!parsed.ok) {
      setError(parsed.error === 'empty' ? '' : t('optPatternInvalid', draft));
      return;
    }
    setError('');
    setDraft('');
    if (!settings.allowlist.includes(parsed.pattern)) save({ ...settings, allowlist: [...settings.allowlist, parsed.pattern] });
  };
  return (
    <div class="lz-box" data-section="not-checked">
      <h3 id="lz-allow">{t('optAllowlist')}</h3>
      <p id="lz-allow-help">{t('optAllowlistHelp')}</p>
      <form class="lz-row" onSubmit={add}>
        <input type="text" aria-labelledby="lz-allow" aria-describedby="lz-allow-help" placeholder="*.example.com" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="lz-primary">
          {t('optAllowlistAdd')}
        </button>
      </form>
      {error && <div class="lz-error" role="alert">{error}</div>}
      {settings.allowlist.length === 0 ? (
        <p>{t('optAllowlistEmpty')}</p>
      ) : (
        <ul class="lz-chips" data-list="allowlist">
          {settings.allowlist.map((p) => (
            <li key={p}>
              {p}
              <button type="button" aria-label={t('optAllowlistRemove', p)} onClick={() => save({ ...settings, allowlist: settings.allowlist.filter((x) => x !== p) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
