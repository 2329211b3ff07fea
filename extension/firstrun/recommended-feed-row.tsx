import type { Lang } from '../../src/i18n/lang';
import type { RecommendedFeedState } from '../protocol/registry-messages';
import type { T } from '../ui/i18n';
import { ageText } from '../ui/official-line';

/** One recommended list: what it holds, who publishes it, and either "subscribe" or its state here. */
export function RecommendedFeedRow({ feed, t, lang, onSubscribe }: { feed: RecommendedFeedState; t: T; lang: Lang; onSubscribe: () => void }) {
  const s = feed.status;
  const entries = s ? s.counts.blacklist + s.counts.entities : 0;
  const state = !s ? null : s.status === 'ok' ? t('frStatusOk', entries, s.lastSuccess ? ageText(s.lastSuccess, t) : '—') : s.status === 'error' ? t('frStatusError', s.error?.message ?? '') : s.status === 'stale' ? t('frStatusStale', entries) : t('frStatusSyncing');
  return (
    <div class="lz-feed" data-feed={feed.url} data-status={s?.status ?? 'none'}>
      <span class="lz-feed-name">{feed.name[lang]}</span>
      {s ? (
        <span class="lz-check" data-valid={String(s.status === 'ok')}>
          {s.status === 'ok' ? `✓ ${t('frSubscribed')}` : t('frSubscribed')}
        </span>
      ) : (
        <button type="button" class="lz-primary" data-action="subscribe" onClick={onSubscribe}>
          {t('frSubscribe')}
        </button>
      )}
      <span class="lz-feed-meta">{feed.holds[lang]}</span>
      <span class="lz-feed-meta">{t('frPublisher', feed.publisher[lang])}</span>
      {state && (
        <span class="lz-feed-status" data-status={s!.status} role="status">
          {state}
        </span>
      )}
    </div>
  );
}
