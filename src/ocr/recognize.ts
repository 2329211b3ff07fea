import type { RotatedRect } from './geometry';
import { sampleBgr, type Raster } from './raster';

/** PP-OCRv4 recognition: lines 48 pixels high, values (x/255 − 0.5)/0.5, BGR. */
export const REC_HEIGHT = 48;
/** The widest line one input holds (PaddleOCR pads to at least 320; a licence's scope line is long). */
export const REC_MAX_WIDTH = 1600;

/** The input width a line needs at the recognizer's height. */
export function recWidth(rect: Pick<RotatedRect, 'width' | 'height'>): number {
  return Math.min(REC_MAX_WIDTH, Math.max(16, Math.ceil((REC_HEIGHT * rect.width) / Math.max(1, rect.height))));
}

/**
 * Writes one line into a batch tensor at `slot`: the rotated rectangle sampled straight from the
 * picture (crop, straighten and resize in one pass), normalized; the rest of the row stays padding.
 */
export function writeLine(picture: Raster, rect: RotatedRect, out: Float32Array, slot: number, batchWidth: number): void {
  const width = Math.min(recWidth(rect), batchWidth);
  const plane = REC_HEIGHT * batchWidth;
  const base = slot * 3 * plane;
  const c = Math.cos(rect.angle);
  const s = Math.sin(rect.angle);
  const du = rect.width / width;
  const dv = rect.height / REC_HEIGHT;
  const px = new Float32Array(3);
  for (let y = 0; y < REC_HEIGHT; y++) {
    const v = (y + 0.5) * dv - rect.height / 2;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) * du - rect.width / 2;
      sampleBgr(picture, rect.cx + u * c - v * s - 0.5, rect.cy + u * s + v * c - 0.5, px);
      const i = base + y * batchWidth + x;
      out[i] = px[0]! / 127.5 - 1;
      out[i + plane] = px[1]! / 127.5 - 1;
      out[i + 2 * plane] = px[2]! / 127.5 - 1;
    }
  }
}

/** One recognized character with the model's confidence and its runners-up (for code repair). */
export interface OcrChar {
  char: string;
  prob: number;
  /** The next most likely characters at that step, most likely first. */
  alternatives: { char: string; prob: number }[];
}

/**
 * Greedy CTC decoding of one line: the most likely class at each step, repeats merged, blanks
 * dropped. Class 0 is the blank, then the key file's characters, then a space.
 */
export function ctcDecode(probs: Float32Array, offset: number, steps: number, classes: number, keys: readonly string[]): OcrChar[] {
  const out: OcrChar[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let k = 1; k < classes; k++) {
      const p = probs[row + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== prev) {
      out.push({ char: charOf(best, keys), prob: bestP, alternatives: runnersUp(probs, row, classes, best, keys) });
    } else if (best !== 0 && best === prev) {
      // The same character held over several steps: keep its most confident step.
      const last = out[out.length - 1]!;
      if (bestP > last.prob) {
        last.prob = bestP;
        last.alternatives = runnersUp(probs, row, classes, best, keys);
      }
    }
    prev = best;
  }
  return out;
}

const charOf = (k: number, keys: readonly string[]) => (k - 1 < keys.length ? keys[k - 1]! : ' ');

/** The three next most likely non-blank characters at one step (only those with some weight). */
function runnersUp(probs: Float32Array, row: number, classes: number, best: number, keys: readonly string[]): { char: string; prob: number }[] {
  const top: { k: number; p: number }[] = [];
  for (let k = 1; k < classes; k++) {
    if (k === best) continue;
    const p = probs[row + k]!;
    if (p < 0.001) continue;
    if (top.length < 3) {
      top.push({ k, p });
      top.sort((a, b) => b.p - a.p);
    } else if (p > top[2]!.p) {
      top[2] = { k, p };
      top.sort((a, b) => b.p - a.p);
    }
  }
  return top.map(({ k, p }) => ({ char: charOf(k, keys), prob: p }));
}
