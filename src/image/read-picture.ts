import type { OcrEngine, OcrTimings, ReadOptions } from '../ocr/ocr-engine';
import { withoutRedInk, type Raster } from '../ocr/raster';
import type { PictureFacts } from '../types';
import { qrCode } from './qr-code';
import { readFields } from './read-fields';

/** Finds and decodes every QR code in a picture (zxing-wasm in the extension and in node). */
export type QrDecoder = (picture: Raster) => Promise<string[]>;

/** Below this size a picture holds no readable licence (an icon, a badge). */
const MIN_SIDE = 120;

export interface PictureReading {
  facts: PictureFacts;
  timings: OcrTimings & { qr: number; fields: number };
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * One picture → its facts: the text read by the OCR engine and laid out as the page readers expect,
 * its identifiers and licence, and every QR code with where it leads. Nothing is concluded here; the
 * rules judge (src/verdict/rules/).
 */
export async function readPicture(picture: Raster, name: string, ocr: OcrEngine, qr: QrDecoder, options: ReadOptions = {}): Promise<PictureReading> {
  const empty: PictureFacts = { picture: name, status: 'unreadable', identifiers: [], licence: null, qr: [], lines: [] };
  const zero = { detPre: 0, det: 0, detPost: 0, recPre: 0, rec: 0, recPost: 0, lines: 0, qr: 0, fields: 0 };
  if (Math.min(picture.width, picture.height) < MIN_SIDE) return { facts: { ...empty, reason: 'too-small' }, timings: zero };
  let t = now();
  const codes = await qr(picture).catch((): string[] => []);
  const qrMs = now() - t;
  // QR codes are read from the picture as it is; the text without red watermarks and seals.
  const read = await ocr.read(withoutRedInk(picture), options);
  t = now();
  const fields = readFields(read.lines, name);
  const facts: PictureFacts = {
    picture: name,
    status: read.lines.length ? 'read' : 'unreadable',
    identifiers: fields.identifiers,
    licence: fields.licence,
    qr: [...new Set(codes)].map(qrCode),
    lines: fields.text.split('\n'),
  };
  if (!read.lines.length) facts.reason = 'no-text';
  return { facts, timings: { ...read.timings, qr: qrMs, fields: now() - t } };
}
