import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { Response } from '../protocol/messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { Shield } from '../ui/icons';
import { RecommendedFeedRow } from './recommended-feed-row';

type Recommended = Response<'getRecommendedFeeds'>;

/** A list still being fetched: the page asks again until it is in (or failed). */
const settling = (r: Recommended) => r.feeds.some((f) => f.status !== null && (f.status.status === 'syncing' || f.status.status === 'never'));

/**
 * The page opened once at install: in plain words what the extension checks on this device and what
 * it does not, then the recommended lists with one click each and their state (loaded, how fresh,
 * how many entries). With none recommended it says so and points to checking on the official sites:
 * nothing here pretends to protect.
 */
export function FirstRunApp({ initial, t, lang }: { initial: Recommended; t: T; lang: Lang }) {
  const [recommended, setRecommended] = useState(initial);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!settling(recommended)) return;
    const timer = setTimeout(() => void send('getRecommendedFeeds', {}).then(setRecommended), 1500);
    return () => clearTimeout(timer);
  }, [recommended]);

  const subscribe = async (url: string, publicKey: string, staleAfterDays?: number) => {
    setError('');
    try {
      await send('subscribeFeed', staleAfterDays ? { url, publicKey, staleAfterDays } : { url, publicKey });
      setRecommended(await send('getRecommendedFeeds', {}));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main class="lz-firstrun" data-feeds={recommended.feeds.length}>
      <h1>
        {/* No list recommended: no green shield either. */}
        <Shield level={recommended.feeds.length ? 'ok' : 'none'} />
        {t('frTitle')}
      </h1>
      <p class="lz-lead">{t('frLead')}</p>
      <div class="lz-two">
        <section class="lz-box" data-tone="yes">
          <h2>{t('frCheckedTitle')}</h2>
          <ul class="lz-points">
            <li>{t('frChecked1')}</li>
            <li>{t('frChecked2')}</li>
            <li>{t('frChecked3')}</li>
            <li>{t('frChecked4')}</li>
          </ul>
        </section>
        <section class="lz-box" data-tone="no">
          <h2>{t('frNotTitle')}</h2>
          <ul class="lz-points">
            <li>{t('frNot1')}</li>
            <li>{t('frNot2')}</li>
            <li>{t('frNot3')}</li>
          </ul>
        </section>
      </div>
      <section class="lz-box" data-section="recommended">
        <h2>{t('frListsTitle')}</h2>
        {recommended.feeds.length === 0 ? (
          <div class="lz-none" data-state="no-recommended">
            <p>{t('frNoLists')}</p>
            <p>{t('frNoListsAssisted')}</p>
          </div>
        ) : (
          <>
            <p>{t('frListsIntro')}</p>
            {recommended.feeds.map((f) => (
              <RecommendedFeedRow key={f.url} feed={f} t={t} lang={lang} onSubscribe={() => void subscribe(f.url, f.publicKey, f.staleAfterDays)} />
            ))}
          </>
        )}
        {error && <p class="lz-error">{error}</p>}
      </section>
      {recommended.reportEndpoint && (
        <section class="lz-box" data-section="report-endpoint">
          <h2>{t('frReportTitle')}</h2>
          <p>{t('frReportTo', recommended.reportEndpoint.organisation[lang])}</p>
        </section>
      )}
      <p class="lz-note">{t('frOptionsNote')}</p>
    </main>
  );
}
