import { useEffect, useState } from 'preact/hooks';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

/** Where reports go: a list of receiver URLs (https; http only on 127.0.0.1/localhost for testing). */
export function ReportEndpointsSection({ t }: { t: T }) {
  const [endpoints, setEndpoints] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  useEffect(() => void send('getReportEndpoints', {}).then((r) => setEndpoints(r.endpoints)), []);
  const save = async (next: string[]) => {
    try {
      setEndpoints((await send('saveReportEndpoints', { endpoints: next })).endpoints);
      setError('');
      setDraft('');
    } catch (e) {
      setError(t('optEndpointInvalid', String(e).replace(/^.*?: /, '')));
    }
  };
  return (
    <section class="lz-box" data-section="report-endpoints">
      <h3 id="lz-endpoints">{t('optEndpoints')}</h3>
      <p>{t('optEndpointsHelp')}</p>
      <form
        class="lz-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) void save([...endpoints, draft.trim()]);
        }}
      >
        <input type="text" name="endpoint" aria-labelledby="lz-endpoints" placeholder="https://reports.example.org/reports" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="lz-primary">
          {t('optEndpointAdd')}
        </button>
      </form>
      {error && <div class="lz-error" role="alert">{error}</div>}
      {endpoints.length === 0 ? (
        <p>{t('optEndpointsNone')}</p>
      ) : (
        <ul class="lz-chips" data-list="endpoints">
          {endpoints.map((u) => (
            <li key={u}>
              {u}
              <button type="button" aria-label={t('optAllowlistRemove', u)} onClick={() => void save(endpoints.filter((x) => x !== u))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="../report/my-reports.html">{t('rpMyReports')}</a>
      </p>
    </section>
  );
}
