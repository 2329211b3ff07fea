import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readPicture, type PictureReading, type QrDecoder, type StagedOptions } from '../../image/read-picture';
import { zxingQr } from '../../image/zxing-qr';
import { OcrEngine } from '../../ocr/ocr-engine';
import { decodePicture } from './decode-picture';
import { nodeModels, nodeRuntime, nodeZxingWasm } from './node-runtime';

const MAX_PICTURE_BYTES = 32 * 1024 * 1024;

let reader: Promise<{ ocr: OcrEngine; qr: QrDecoder }> | null = null;

/** The OCR engine and QR decoder, loaded once per process (the model load is most of a first read). */
export function nodeReader(): Promise<{ ocr: OcrEngine; qr: QrDecoder }> {
  reader ??= (async () => ({ ocr: await OcrEngine.load(await nodeRuntime(), await nodeModels()), qr: zxingQr(nodeZxingWasm) }))();
  return reader;
}

/** Reads a picture file; throws a plain message when it is missing, too large or no picture. */
export async function readPictureFile(path: string, name = basename(path), options?: StagedOptions): Promise<PictureReading> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw new Error(`无法读取图片 ${name}: ${(error as Error).message} (cannot read the picture)`);
  }
  if (size > MAX_PICTURE_BYTES) throw new Error(`图片过大 ${name} (${size} bytes; the limit is ${MAX_PICTURE_BYTES})`);
  const raster = await decodePicture(new Uint8Array(await readFile(path)), name);
  const { ocr, qr } = await nodeReader();
  return readPicture(raster, name, ocr, qr, options);
}
