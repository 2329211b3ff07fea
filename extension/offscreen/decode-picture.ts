import { MAX_SIDE, type Raster } from '../../src/ocr/raster';
import type { PictureInput } from '../protocol/messages';

/**
 * Decodes picture bytes with the browser's own decoders (PNG, JPEG, WebP, GIF's first frame) in the
 * extension's document: never in the shop's page, whose scripts could see a canvas. A crop cuts a
 * picture out of a tab screenshot; a very large picture is scaled to MAX_SIDE.
 */
export async function decodeInExtension(bytes: Uint8Array, crop: PictureInput['crop']): Promise<Raster> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
  try {
    const sx = crop ? Math.max(0, Math.min(crop.x, bitmap.width - 1)) : 0;
    const sy = crop ? Math.max(0, Math.min(crop.y, bitmap.height - 1)) : 0;
    const sw = crop ? Math.max(1, Math.min(crop.width, bitmap.width - sx)) : bitmap.width;
    const sh = crop ? Math.max(1, Math.min(crop.height, bitmap.height - sy)) : bitmap.height;
    const scale = Math.min(1, MAX_SIDE / Math.max(sw, sh));
    const width = Math.max(1, Math.round(sw * scale));
    const height = Math.max(1, Math.round(sh * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d canvas');
    // Transparent pictures read as on white paper.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, width, height);
    return { width, height, data: ctx.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
}
