import { useState } from 'preact/hooks';
import type { BlockedVia } from '../../src/blocking/block-page-url';
import type { BlockExplanation } from '../protocol/block-messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import { blockStrings } from './block-strings';
import { ReasonView } from './reason-view';

interface Props {
  initial: BlockExplanation;
  via: BlockedVia;
  /** There is a page to go back to in this tab. */
  canGoBack: boolean;
}

/**
 * The block page: which list, whose, since when and why; "返回上一页" big, "仍要访问（不推荐）" small
 * below it, with what continuing means (this session, these lists).
 */
export function BlockApp({ initial, via, canGoBack }: Props) {
  const [ex, setEx] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(false);
  const t = blockStrings(ex.lang);
  const first = ex.reasons.find((r) => r.source === 'list');
  const personalOnly = !first;
  const lead =
    via === 'shop' && first?.source === 'list'
      ? t('leadShop', `${t(`value_${first.kind}`)} ${first.value}`)
      : personalOnly
        ? t('leadPersonal')
        : t('leadSite', ex.site ?? ex.url);

  const back = () => {
    if (canGoBack) history.back();
    else void send('closeBlockedTab', {});
  };
  const go = async () => {
    setBusy(true);
    try {
      await send('continueToSite', { url: ex.url });
    } catch {
      // Refused: nothing blocks it any more (or it was never blocked). Say so; open nothing.
      setRefused(true);
      return;
    }
    location.replace(ex.url);
  };
  const details = async () => {
    setBusy(true);
    setEx(await send('explainBlock', { url: ex.url, via, fetchDetails: true }).finally(() => setBusy(false)));
  };

  if (refused) {
    return (
      <main class="lz-block" data-via={via}>
        <p class="lz-block-wait" data-refused="">
          {t('noReason')}
        </p>
      </main>
    );
  }
  return (
    <main class="lz-block" data-via={via}>
      <div class="lz-block-card">
        <header class="lz-block-head">
          <Shield level="danger" />
          <div>
            <div class="lz-block-brand">{t('brand')}</div>
            <h1>{t(via === 'shop' ? 'titleShop' : 'titleSite')}</h1>
          </div>
        </header>
        <div class="lz-block-body">
          <p class="lz-block-site">{ex.site ?? ex.url}</p>
          <p class="lz-block-lead">{lead}</p>
          <ul class="lz-reasons">
            {ex.reasons.map((r, i) => (
              <ReasonView key={i} reason={r} lang={ex.lang} t={t} />
            ))}
          </ul>
          {ex.detailsMissing && (
            <div class="lz-details-missing" data-details="missing">
              {t('detailsMissing')}
              <button type="button" disabled={busy} onClick={() => void details()}>
                {t('fetchDetails')}
              </button>
              <small>{t('fetchNote')}</small>
            </div>
          )}
          <p class="lz-on-device">{t('onDevice')}</p>
          <div class="lz-actions">
            <button type="button" class="lz-back" data-action="back" autofocus onClick={back}>
              {canGoBack ? t('back') : t('close')}
            </button>
            <button type="button" class="lz-continue" data-action="continue" disabled={busy} onClick={() => void go()}>
              {t('continue')}
            </button>
            <p class="lz-continue-note">{t('continueNote')}</p>
          </div>
        </div>
      </div>
    </main>
  );
}
