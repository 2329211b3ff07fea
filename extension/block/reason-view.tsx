import type { BlockReason } from '../../src/blocking/block-reasons';
import { LIST_TITLES } from '../../src/feed/list-names';
import type { Lang } from '../../src/i18n/lang';
import type { BlockT } from './block-strings';

/** One line of a reason's details (left out when there is nothing to say). */
function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** A source link only for http(s) addresses: the record comes from a list, not from us. */
const safeLink = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

/** Why the page is blocked: which list, whose, since when, why (or the shopper's own entry). */
export function ReasonView({ reason, lang, t }: { reason: BlockReason; lang: Lang; t: BlockT }) {
  if (reason.source === 'personal') {
    return (
      <li class="lz-reason" data-list="personal">
        <dl>
          <Row label={t('list')} value={t('personalList')} />
          <Row label={t('value_domain')} value={reason.pattern} />
          <Row label={t('note')} value={reason.note} />
          <Row label={t('added')} value={reason.addedAt.slice(0, 10)} />
        </dl>
      </li>
    );
  }
  const r = reason.record;
  const source = safeLink(r?.sourceUrl);
  return (
    <li class="lz-reason" data-list={reason.list}>
      <dl>
        <dt>{t('list')}</dt>
        <dd class="lz-reason-list">{LIST_TITLES[reason.list][lang]}</dd>
        <Row label={t('publisher')} value={reason.feed || t('unknown')} />
        <Row label={t(`value_${reason.kind}`)} value={reason.value} />
        <Row label={t('since')} value={r?.listedOn} />
        <Row label={t('why')} value={r?.reason} />
        <Row label={t('authority')} value={r?.authority} />
        {source && (
          <>
            <dt>{t('source')}</dt>
            <dd>
              <a href={source} target="_blank" rel="noopener noreferrer">
                {source}
              </a>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
