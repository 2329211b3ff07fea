import { detInput, textBoxes, type TextBox } from './detect';
import type { RotatedRect } from './geometry';
import type { Raster } from './raster';
import { ctcDecode, recWidth, REC_HEIGHT, writeLine, type OcrChar } from './recognize';
import type { OcrModels, OcrRuntime, OcrSession } from './runtime';

/** One line of text the reader found, where it stands, and how sure it is of each character. */
export interface OcrLine {
  text: string;
  chars: OcrChar[];
  /** Mean of the characters' probabilities (0 for an empty line). */
  confidence: number;
  rect: RotatedRect;
}

/** Where the time of one reading went (milliseconds). */
export interface OcrTimings {
  detPre: number;
  det: number;
  detPost: number;
  recPre: number;
  rec: number;
  recPost: number;
  lines: number;
}

export interface ReadOptions {
  /** The detector's input is at most this many pixels on its longer side. */
  detMaxSide?: number;
  /** Lines recognized in one run of the recognizer (1 is fastest on WASM: see BATCH). */
  batch?: number;
  /** A shorter line is padded to this width for the recognizer (PaddleOCR pads to 320; see REC_MIN_WIDTH). */
  recMinWidth?: number;
}

/**
 * Detection sees the picture at most 736 pixels on its longer side (PaddleOCR's default is 960). On
 * the tuning set (30 pictures, seeds 900,000…, node) with short unsure fragments dropped
 * (read-fields.ts): 736 px read the code and name on 27/27 licences, 960 px 26/27 and 24/27 before
 * that filter, 832 px 26/27 and 23/27 (and missed a tampered licence); detection takes about half the
 * time at 736, and its activations are the largest memory the reader needs.
 */
export const DET_MAX_SIDE = 736;
/**
 * One line per run of the recognizer. Measured on the bench's photo and card (node, onnxruntime-web
 * WASM, one thread, CPU time): batches of 6 lines of similar width took 4.7 s / 3.8 s, batches of 12
 * 5.3 s / 5.0 s, single lines 4.1 s / 2.2 s. The WASM kernels gain nothing per column from a batch,
 * and every batch pays for its padding (a card's widths run from 270 to 1600 columns).
 */
export const BATCH = 1;
/** Lines narrower than this are padded (blank) to it before recognition. */
export const REC_MIN_WIDTH = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * PaddleOCR PP-OCRv4 (detection + recognition) on an ONNX runtime, with the pre- and
 * post-processing written here (no OpenCV): a picture in, its text lines out. Load once, read many.
 */
export class OcrEngine {
  private constructor(
    private readonly runtime: OcrRuntime,
    private readonly det: OcrSession,
    private readonly rec: OcrSession,
    private readonly keys: readonly string[],
  ) {}

  static async load(runtime: OcrRuntime, models: OcrModels): Promise<OcrEngine> {
    const keys = models.keys.split(/\r?\n/);
    if (keys[keys.length - 1] === '') keys.pop();
    const det = await runtime.createSession(models.det);
    const rec = await runtime.createSession(models.rec);
    return new OcrEngine(runtime, det, rec, keys);
  }

  async read(picture: Raster, options: ReadOptions = {}): Promise<{ lines: OcrLine[]; timings: OcrTimings }> {
    const timings: OcrTimings = { detPre: 0, det: 0, detPost: 0, recPre: 0, rec: 0, recPost: 0, lines: 0 };
    const boxes = await this.detect(picture, options.detMaxSide ?? DET_MAX_SIDE, timings);
    const lines = await this.recognize(picture, boxes.map((b) => b.rect), options.batch ?? BATCH, timings, options.recMinWidth);
    timings.lines = lines.length;
    return { lines: lines.filter((l) => l.text.trim() !== ''), timings };
  }

  async detect(picture: Raster, maxSide: number, timings: OcrTimings): Promise<TextBox[]> {
    let t = now();
    const input = detInput(picture, maxSide);
    timings.detPre += now() - t;
    t = now();
    const out = await this.det.run({ [this.det.inputNames[0]!]: this.runtime.tensor(input.data, [1, 3, input.height, input.width]) });
    timings.det += now() - t;
    t = now();
    const boxes = textBoxes(out[this.det.outputNames[0]!]!.data as Float32Array, input);
    timings.detPost += now() - t;
    return boxes;
  }

  /**
   * Recognizes lines in batches of similar width (sorted by width, so little of a batch is padding;
   * by default one line a run, see BATCH), answering in the order given.
   */
  async recognize(picture: Raster, rects: RotatedRect[], batch: number = BATCH, timings: OcrTimings, minWidth = REC_MIN_WIDTH): Promise<OcrLine[]> {
    const order = rects.map((r, i) => ({ r, i, w: recWidth(r) })).sort((a, b) => a.w - b.w);
    const lines: OcrLine[] = new Array(rects.length);
    for (let at = 0; at < order.length; at += batch) {
      const group = order.slice(at, at + batch);
      let t = now();
      const width = Math.max(minWidth, ...group.map((g) => g.w));
      const data = new Float32Array(group.length * 3 * REC_HEIGHT * width);
      group.forEach((g, slot) => writeLine(picture, g.r, data, slot, width));
      timings.recPre += now() - t;
      t = now();
      const out = await this.rec.run({ [this.rec.inputNames[0]!]: this.runtime.tensor(data, [group.length, 3, REC_HEIGHT, width]) });
      timings.rec += now() - t;
      t = now();
      const probs = out[this.rec.outputNames[0]!]!;
      const [, steps, classes] = probs.dims as [number, number, number];
      group.forEach((g, slot) => {
        // A padded line's steps past its own width hold only blanks; reading them costs nothing wrong.
        const chars = ctcDecode(probs.data as Float32Array, slot * steps * classes, steps, classes, this.keys);
        const text = chars.map((c) => c.char).join('');
        const confidence = chars.length ? chars.reduce((s, c) => s + c.prob, 0) / chars.length : 0;
        lines[g.i] = { text, chars, confidence, rect: g.r };
      });
      timings.recPost += now() - t;
    }
    return lines;
  }
}
