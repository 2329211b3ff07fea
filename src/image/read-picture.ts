import { checkUscc } from '../identifiers/checks';
import { looksLikeOrgName } from '../lists/company-name';
import { BATCH, DET_MAX_SIDE, type OcrEngine, type OcrLine, type OcrTimings, type ReadOptions } from '../ocr/ocr-engine';
import { OcrQueue, type OcrPriority } from '../ocr/ocr-queue';
import { withoutRedInk, type Raster } from '../ocr/raster';
import { readingRows } from '../ocr/reading-order';
import type { PictureFacts } from '../types';
import { qrCode } from './qr-code';
import { readFields, type PictureFields } from './read-fields';

/** Finds and decodes every QR code in a picture (zxing-wasm in the extension and in node). */
export type QrDecoder = (picture: Raster) => Promise<string[]>;

/** Below this size a picture holds no readable licence (an icon, a badge). */
const MIN_SIDE = 120;

export interface PictureReading {
  facts: PictureFacts;
  timings: OcrTimings & { qr: number; fields: number; /** When the verdict's facts were known (ms from the start), if before the end. */ firstMs?: number };
}

export interface StagedOptions extends ReadOptions {
  /**
   * Called once, as soon as the rows read so far (top to bottom) hold the verdict's facts — a
   * labelled credit code that passes its check and the company name — while rows remain: those facts
   * with `complete: false`. The reading goes on to the end either way, and resolves with everything.
   */
  onFirst?: (facts: PictureFacts) => void;
  /** Where the reader's steps take turns with other pictures' (the extension's engine shares one). */
  queue?: OcrQueue;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * One picture → its facts: the text read by the OCR engine and laid out as the page readers expect,
 * its identifiers and licence, and every QR code with where it leads. Nothing is concluded here; the
 * rules judge (src/verdict/rules/).
 *
 * The QR codes are decoded first, then the text lines are detected and recognized row by row, top
 * to bottom; with `onFirst`, the facts a verdict needs are handed over as soon as they are read (see
 * StagedOptions). When the top rows do not hold them, nothing is handed over early and the whole
 * picture is read as one reading.
 */
export async function readPicture(picture: Raster, name: string, ocr: Pick<OcrEngine, 'detect' | 'recognize'>, qr: QrDecoder, options: StagedOptions = {}): Promise<PictureReading> {
  const empty: PictureFacts = { picture: name, status: 'unreadable', identifiers: [], licence: null, qr: [], lines: [] };
  const timings: PictureReading['timings'] = { detPre: 0, det: 0, detPost: 0, recPre: 0, rec: 0, recPost: 0, lines: 0, qr: 0, fields: 0 };
  if (Math.min(picture.width, picture.height) < MIN_SIDE) return { facts: { ...empty, reason: 'too-small' }, timings };
  const started = now();
  const queue = options.queue ?? new OcrQueue();
  const step = <T>(priority: OcrPriority, work: () => Promise<T>) => queue.run(priority, work);
  let t = now();
  const codes = await step('first', () => qr(picture)).catch((): string[] => []);
  timings.qr = now() - t;
  const qrCodes = [...new Set(codes)].map(qrCode);
  // QR codes are read from the picture as it is; the text without red watermarks and seals.
  const text = withoutRedInk(picture);
  const boxes = await step('first', () => ocr.detect(text, options.detMaxSide ?? DET_MAX_SIDE, timings));
  const rects = boxes.map((b) => b.rect);
  const rows = readingRows(rects);
  const batch = options.batch ?? BATCH;
  const read: OcrLine[] = [];
  let first = Boolean(options.onFirst);
  // The verdict's facts as the rows read so far give them: handed over only when one more row read
  // leaves them as they were (a row below can still change how the rows above are laid out).
  let known: string | null = null;
  for (const [at, row] of rows.entries()) {
    const lines = await step(first ? 'first' : 'rest', () => ocr.recognize(text, row.map((i) => rects[i]!), batch, timings, options.recMinWidth));
    read.push(...lines);
    if (first && at < rows.length - 1) {
      t = now();
      const fields = readFields(nonEmpty(read), name);
      timings.fields += now() - t;
      const facts = verdictFactsKnown(fields) ? `${fields.licence!.uscc}\n${fields.licence!.name}` : null;
      if (facts && facts === known) {
        first = false;
        timings.firstMs = now() - started;
        options.onFirst!({ ...factsOf(name, fields, qrCodes, nonEmpty(read).length), complete: false });
      }
      known = facts;
    }
  }
  timings.lines = read.length;
  t = now();
  const all = nonEmpty(read);
  const facts = factsOf(name, readFields(all, name), qrCodes, all.length);
  timings.fields += now() - t;
  return { facts, timings };
}

const nonEmpty = (lines: OcrLine[]) => lines.filter((l) => l.text.trim() !== '');

function factsOf(name: string, fields: PictureFields, qr: PictureFacts['qr'], lines: number): PictureFacts {
  const facts: PictureFacts = { picture: name, status: lines ? 'read' : 'unreadable', identifiers: fields.identifiers, licence: fields.licence, qr, lines: fields.text.split('\n') };
  if (!lines) facts.reason = 'no-text';
  return facts;
}

/**
 * Do the rows read so far hold what the picture's verdict rests on: the licence's name, read as an
 * organization's name, and a labelled credit code that passes its check (the QR codes are read
 * before any text)? A code that fails its check, a code without a name, or a name that reads like
 * something else (a watermark's words taken for it) is not enough: then the whole picture is read first.
 */
export function verdictFactsKnown(fields: PictureFields): boolean {
  const uscc = fields.licence?.uscc;
  const name = fields.licence?.name;
  return Boolean(name && looksLikeOrgName(name) && uscc && checkUscc(uscc).length === 0 && fields.identifiers.some((i) => i.kind === 'uscc' && i.value === uscc && i.label !== null));
}
