import sharp from 'sharp';
import type { Raster } from '../../ocr/raster';
import { MAX_SIDE } from '../../ocr/raster';

/** The picture kinds the command line reads. */
export const PICTURE_FILE = /\.(?:png|jpe?g|webp|gif)$/i;

/**
 * Decodes a PNG, JPEG, WebP or GIF (its first frame) into RGBA with sharp (libvips, shipped as an npm
 * package), turned upright by its EXIF orientation and scaled to at most MAX_SIDE. Throws a plain
 * message for bytes that are no picture.
 */
export async function decodePicture(bytes: Uint8Array, name: string): Promise<Raster> {
  try {
    const { data, info } = await sharp(bytes, { animated: false, limitInputPixels: 80_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (error) {
    throw new Error(`${name} 无法解码为图片 (${error instanceof Error ? error.message.split('\n')[0] : String(error)}; not a readable PNG, JPEG, WebP or GIF)`);
  }
}
