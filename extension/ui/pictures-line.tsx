import type { PictureFacts } from '../../src/types';
import type { T } from './i18n';

/**
 * The compact card's one-line mention of the licence pictures read (the whole block is under
 * "查看全部"): how many were read, and how many could not be — never "no licence".
 */
export function PicturesLine({ pictures, t }: { pictures: PictureFacts[] | undefined; t: T }) {
  if (!pictures?.length) return null;
  const unread = pictures.filter((p) => p.status === 'unreadable').length;
  const read = pictures.length - unread;
  return (
    <p class="lz-pictures-line" data-pictures={pictures.length}>
      {read > 0 ? t('picturesReadLine', read) : t('picturesUnreadLine', unread)}
    </p>
  );
}
