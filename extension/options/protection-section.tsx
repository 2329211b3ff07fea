import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { FeedSyncStatus } from '../../src/lists/lists-status';
import type { Response } from '../protocol/messages';
import { send } from '../protocol/send';
import { RecommendedFeedRow } from '../firstrun/recommended-feed-row';
import type { T } from '../ui/i18n';
import { ageText } from '../ui/official-line';

type Recommended = Response<'getRecommendedFeeds'>;

/** One list in use, in a shopper's words: its name, how many entries, how fresh (or what is wrong). */
function feedLine(f: FeedSyncStatus, t: T): string {
  const entries = f.counts.blacklist + f.counts.entities;
  if (f.status === 'ok' && f.lastSuccess) return t('optProtectionFeed', f.name, entries, ageText(f.lastSuccess, t));
  return t('optProtectionFeedState', f.name, t(`feedStatus_${f.status}`));
}

/**
 * "What protects me now": the lists loaded and how fresh they are, or plainly that none is and what
 * that means; then the recommended lists (the first-run page's), one click each.
 */
export function ProtectionSection({ t, lang }: { t: T; lang: Lang }) {
  const [feeds, setFeeds] = useState<FeedSyncStatus[] | null>(null);
  const [recommended, setRecommended] = useState<Recommended | null>(null);
  const [error, setError] = useState('');
  const refresh = () => void Promise.all([send('getSyncStatus', {}), send('getRecommendedFeeds', {})]).then(([f, r]) => (setFeeds(f), setRecommended(r)));
  useEffect(refresh, []);
  const subscribe = async (url: string, publicKey: string, staleAfterDays?: number) => {
    try {
      setError('');
      await send('subscribeFeed', staleAfterDays ? { url, publicKey, staleAfterDays } : { url, publicKey });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    refresh();
  };
  if (!feeds || !recommended) return null;
  return (
    <>
      <div class="lz-box" data-section="protection" data-feeds={feeds.length}>
        <h3>{t('optProtectionLoaded')}</h3>
        {feeds.length === 0 ? (
          <p class="lz-protection-none">{t('optProtectionNone')}</p>
        ) : (
          <ul class="lz-data">
            {feeds.map((f) => (
              <li key={f.id} data-status={f.status}>
                {feedLine(f, t)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="lz-box" data-section="recommended">
        <h3>{t('optProtectionRecommended')}</h3>
        {recommended.feeds.length === 0 ? (
          <p>{t('optProtectionNoRecommended')}</p>
        ) : (
          recommended.feeds.map((f) => <RecommendedFeedRow key={f.url} feed={f} t={t} lang={lang} onSubscribe={() => void subscribe(f.url, f.publicKey, f.staleAfterDays)} />)
        )}
        {error && <p class="lz-error">{error}</p>}
      </div>
    </>
  );
}
