import { useEffect, useState } from 'preact/hooks';
import type { FeedSyncStatus } from '../../src/lists/lists-status';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

/** How often the page re-reads the sync status: quickly while an import runs, slowly otherwise. */
const POLL_BUSY_MS = 700;
const POLL_IDLE_MS = 5000;

const FEEDS_CSS = `
.lz-feeds { list-style: none; padding: 0; margin: 8px 0; display: grid; gap: 8px; }
.lz-feeds p { margin: 4px 0; }
.lz-feed-url { font: 11px ui-monospace, monospace; color: var(--muted); word-break: break-all; margin: 2px 0 4px; }
.lz-feeds progress { width: 60%; vertical-align: middle; }
.lz-feed-form { display: grid; gap: 6px; margin-top: 10px; }
.lz-options .lz-feed-form label { display: grid; grid-template-columns: 8em 1fr; }
.lz-feed-form input { font: 12px ui-monospace, monospace; color: var(--fg); background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
.lz-feed-form button { justify-self: start; }
`;

/** A time in the page's language (the options page sets <html lang>). */
const dateTime = (ms: number | null) => (ms ? new Date(ms).toLocaleString(document.documentElement.lang || undefined) : '—');

/**
 * "Lists / 名单": the signed feeds the extension syncs, their state (ok, syncing with progress, failed
 * with the reason, stale), and adding, removing and "sync now". All work happens in the service
 * worker; this page only sends privileged messages and polls getSyncStatus.
 */
export function FeedsSection({ t }: { t: T }) {
  const [feeds, setFeeds] = useState<FeedSyncStatus[] | null>(null);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let busy = false;
      try {
        const next = await send('getSyncStatus', {});
        if (stopped) return;
        setFeeds(next);
        busy = next.some((f) => f.status === 'syncing');
      } catch (e) {
        if (!stopped) setError(String(e));
      }
      if (!stopped) timer = setTimeout(() => void poll(), busy ? POLL_BUSY_MS : POLL_IDLE_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const act = async (run: () => Promise<FeedSyncStatus[] | unknown>) => {
    try {
      const out = await run();
      setError('');
      setFeeds(Array.isArray(out) ? (out as FeedSyncStatus[]) : await send('getSyncStatus', {}));
      return true;
    } catch (e) {
      setError(t('feedActionFailed', String(e instanceof Error ? e.message : e)));
      return false;
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    if (await act(() => send('subscribeFeed', { url: url.trim(), publicKey: key.trim() }))) {
      setUrl('');
      setKey('');
    }
  };

  return (
    <section class="lz-box" data-section="feeds">
      <style>{FEEDS_CSS}</style>
      <h3 id="lz-feeds">{t('feedsTitle')}</h3>
      <p>{t('feedsHelp')}</p>
      {feeds && feeds.length === 0 && <p data-empty="feeds">{t('feedsEmpty')}</p>}
      {feeds && feeds.length > 0 && (
        <ul class="lz-feeds" aria-labelledby="lz-feeds">
          {feeds.map((f) => (
            <FeedRow key={f.id} feed={f} t={t} onSync={() => void act(() => send('syncFeeds', { id: f.id }))} onRemove={() => void act(() => send('unsubscribeFeed', { id: f.id }))} />
          ))}
        </ul>
      )}
      <form class="lz-feed-form" onSubmit={(e) => void add(e)}>
        <label>
          {t('feedUrl')}
          <input type="url" name="feedUrl" required placeholder="https://…/manifest.json" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('feedKey')}
          <input type="text" name="feedKey" required spellcheck={false} placeholder="base64" value={key} onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="lz-primary">
          {t('feedAdd')}
        </button>
      </form>
      {error && (
        <div class="lz-error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}

function FeedRow({ feed: f, t, onSync, onRemove }: { feed: FeedSyncStatus; t: T; onSync: () => void; onRemove: () => void }) {
  const p = f.progress;
  return (
    <li class="lz-card" data-feed={f.id} data-status={f.status} data-severity={f.status === 'error' ? 'warning' : f.status === 'stale' ? 'caution' : 'info'}>
      <div class="lz-msg">
        <b>{f.name}</b> <span class="lz-chip">{t(`feedStatus_${f.status}`)}</span>
      </div>
      <div class="lz-feed-url">{f.url}</div>
      {f.status === 'syncing' && p && (
        <div>
          <progress max={p.total} value={p.done} aria-label={t('feedProgress', p.done, p.total)} /> {t('feedProgress', p.done, p.total)}
        </div>
      )}
      {f.status !== 'syncing' && p && <p data-pending="true">{t('feedPending', p.version, p.done, p.total)}</p>}
      {f.error && (
        <p class="lz-error" data-error={f.error.code}>
          {t(`feedError_${f.error.code.replace(/-/g, '_')}`)} {t('feedKeptVersion', f.version ?? '—')}
          <br />
          <small>{f.error.message}</small>
        </p>
      )}
      {f.status === 'stale' && <p data-stale="true">{t('feedStale', f.staleAfterDays)}</p>}
      <ul class="lz-data">
        <li>{t('feedVersion', f.version ?? '—')}</li>
        <li>{t('feedCounts', f.counts.blacklist, f.counts.entities)}</li>
        <li>{t('feedLastSuccess', dateTime(f.lastSuccess))}</li>
        {f.nextAttempt && f.error && <li>{t('feedNextAttempt', dateTime(f.nextAttempt))}</li>}
      </ul>
      <div class="lz-row">
        <button type="button" class="lz-primary" data-action="sync" disabled={f.status === 'syncing'} onClick={onSync}>
          {t('feedSyncNow')}
        </button>
        <button type="button" class="lz-danger-btn" data-action="remove" onClick={onRemove}>
          {t('feedRemove')}
        </button>
      </div>
    </li>
  );
}
