import type { PictureInput } from '../protocol/messages';
import { MAX_PICTURE_CHARS } from '../protocol/messages';
import { send } from '../protocol/send';

/**
 * A licence picture's bytes as the content script can get them, for the extension's document to
 * read (never decoded or drawn here: the shop page's thread only waits for the network and the
 * browser's own base64 encoder). The request is the one the page made to show the picture (mostly
 * answered from the cache), with the page's own credentials and no others: a picture the page's
 * server does not let us read is `error`, and the reader says "could not read", never "no licence".
 */
export async function fetchPicture(src: string, ref: number | null): Promise<PictureInput> {
  const none = (error: string): PictureInput => ({ src, data: null, crop: null, ref, error });
  let blob: Blob;
  try {
    const response = await fetch(src, { credentials: 'same-origin', cache: 'force-cache' });
    if (!response.ok) return none(`http ${response.status}`);
    blob = await response.blob();
  } catch (error) {
    return none(`fetch: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
  }
  if ((blob.size * 4) / 3 > MAX_PICTURE_CHARS) return none('too-large');
  return { src, data: await base64(blob), crop: null, ref, error: null };
}

/**
 * The picture the shopper right-clicked: its bytes when the page's server lets us read them, else
 * the picture cut out of a screenshot of the tab (the menu click granted activeTab for it).
 */
export async function pickedPicture(doc: Document, src: string): Promise<PictureInput> {
  const fetched = await fetchPicture(src, null);
  if (fetched.data) return fetched;
  const img = Array.from(doc.images).find((i) => i.currentSrc === src || i.src === src);
  if (!img) return fetched;
  img.scrollIntoView({ block: 'center', inline: 'center' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const rect = img.getBoundingClientRect();
  const view = doc.defaultView;
  const scale = view?.devicePixelRatio ?? 1;
  const shot = await send('capturePicture', {});
  if (!shot.dataUrl) return { ...fetched, error: `capture: ${shot.reason ?? 'refused'}`.slice(0, 300) };
  const px = (n: number) => Math.max(0, Math.round(n * scale));
  return {
    src,
    data: shot.dataUrl.slice(shot.dataUrl.indexOf(',') + 1),
    crop: { x: px(rect.left), y: px(rect.top), width: Math.max(1, px(rect.width)), height: Math.max(1, px(rect.height)) },
    ref: null,
    error: null,
  };
}

/** Base64 of a blob by the browser's own encoder (FileReader), not a loop on the page's thread. */
function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}
