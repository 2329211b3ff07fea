import * as ort from 'onnxruntime-web/wasm';
import { readPicture, type PictureReading, type QrDecoder } from '../../src/image/read-picture';
import { zxingQr } from '../../src/image/zxing-qr';
import { OcrEngine } from '../../src/ocr/ocr-engine';
import { OcrQueue } from '../../src/ocr/ocr-queue';
import type { OcrModels } from '../../src/ocr/runtime';
import type { PictureFacts } from '../../src/types';
import { nativeApi } from '../browser/native-api';
import type { PictureEngineStatus, PictureInput } from '../protocol/messages';
import { decodeInExtension } from './decode-picture';

/** Where the build puts the models and WASM files (scripts/ocr-assets.mjs). */
export const OCR_DIR = 'ocr';
const FILES = { det: 'det.onnx', rec: 'rec.onnx', keys: 'keys.txt', zxing: 'zxing_reader.wasm' };
/** Readings kept by the picture's bytes, so that a page checked again does not read its pictures again. */
const CACHE = 16;

/**
 * The picture reader of the extension's own document (Chrome's offscreen document, Firefox's
 * background page): the models are loaded once, on the first picture, and kept for the session.
 * Never on the shop page's thread; the picture never leaves the device.
 */
export class PictureEngine {
  private engine: Promise<{ ocr: OcrEngine; qr: QrDecoder }> | null = null;
  /** Readings by picture: the verdict's facts when known early, and the whole reading. */
  private readonly cache = new Map<string, Reading>();
  /** The OCR steps of every picture take turns here, a verdict's before the rest of a record. */
  private readonly queue = new OcrQueue();
  status: PictureEngineStatus = { phase: 'cold', progress: 0 };
  /** Timings of the last whole reading (for the bench). */
  lastReading: PictureReading['timings'] | null = null;
  modelLoadMs: number | null = null;

  /**
   * Each picture's facts: the whole reading when it is done, else the verdict's facts as soon as they
   * are read (`complete: false`, the reading goes on here and is kept by picture), else the whole
   * reading when it ends. A picture asked for again after its early facts were given waits for the
   * whole reading (the content script asks once more for a picture that came back incomplete).
   */
  async read(inputs: PictureInput[]): Promise<PictureFacts[]> {
    const out: PictureFacts[] = [];
    for (const input of inputs) out.push(await this.readOne(input));
    return out;
  }

  private async readOne(input: PictureInput): Promise<PictureFacts> {
    if (!input.data) return unreadable(input, input.error ?? 'no-bytes');
    const key = `${input.src}\n${JSON.stringify(input.crop)}\n${input.data.length}\n${input.data.slice(0, 64)}\n${input.data.slice(-64)}`;
    let reading = this.cache.get(key);
    if (reading) {
      // Kept as most recently used.
      this.cache.delete(key);
      this.cache.set(key, reading);
      if (reading.given) return reading.whole;
    } else {
      reading = this.start(input);
      this.cache.set(key, reading);
      // A reader that failed (the models did not load) is tried again on the next ask.
      void reading.whole.then((facts) => facts.reason === 'reader-failed' && this.cache.delete(key));
      if (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value!);
    }
    reading.given = true;
    return reading.first;
  }

  /** Starts reading a picture: `first` settles with the early facts or the whole reading, whichever comes first. */
  private start(input: PictureInput): Reading {
    let early: ((facts: PictureFacts) => void) | null = null;
    const first = new Promise<PictureFacts>((resolve) => (early = resolve));
    const whole = this.readWhole(input, (facts) => early?.(facts));
    void whole.then((facts) => early?.(facts));
    return { first, whole, given: false };
  }

  private async readWhole(input: PictureInput, onFirst: (facts: PictureFacts) => void): Promise<PictureFacts> {
    let raster;
    try {
      raster = await decodeInExtension(base64Bytes(input.data!), input.crop);
    } catch {
      return unreadable(input, 'not-a-picture');
    }
    try {
      const { ocr, qr } = await this.load();
      const reading = await readPicture(raster, input.src, ocr, qr, { onFirst, queue: this.queue });
      this.lastReading = reading.timings;
      return reading.facts;
    } catch (error) {
      console.warn('[liangzhao] picture reader failed', error);
      return unreadable(input, 'reader-failed');
    }
  }

  /** Loads the models once (progress in `status`); a failed load is tried again on the next picture. */
  load(): Promise<{ ocr: OcrEngine; qr: QrDecoder }> {
    this.engine ??= this.loadOnce().catch((error: unknown) => {
      this.engine = null;
      this.status = { phase: 'failed', progress: 0 };
      throw error;
    });
    return this.engine;
  }

  private async loadOnce(): Promise<{ ocr: OcrEngine; qr: QrDecoder }> {
    const started = performance.now();
    this.status = { phase: 'loading', progress: 0 };
    const url = (name: string) => nativeApi().runtime.getURL(`${OCR_DIR}/${name}`);
    // ONNX Runtime's own WASM is found next to its bundle: Vite emits it as an asset of the build.
    // Threads need a cross-origin isolated document (SharedArrayBuffer); without it, one thread.
    ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(2, navigator.hardwareConcurrency || 1) : 1;
    const [det, rec, keys] = await Promise.all([bytes(url(FILES.det)), bytes(url(FILES.rec)), fetch(url(FILES.keys)).then((r) => r.text())]);
    this.status = { phase: 'loading', progress: 0.3 };
    const models: OcrModels = { det, rec, keys };
    const ocr = await OcrEngine.load(
      {
        createSession: async (model) => {
          const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
          this.status = { phase: 'loading', progress: Math.min(0.95, this.status.progress + 0.3) };
          return session;
        },
        tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      },
      models,
    );
    const qr = zxingQr(() => fetch(url(FILES.zxing)).then((r) => r.arrayBuffer()));
    this.modelLoadMs = performance.now() - started;
    this.status = { phase: 'ready', progress: 1 };
    return { ocr, qr };
  }
}

interface Reading {
  first: Promise<PictureFacts>;
  whole: Promise<PictureFacts>;
  /** Were the first facts given to someone (a later ask then waits for the whole reading)? */
  given: boolean;
}

const unreadable = (input: PictureInput, reason: string): PictureFacts => ({ picture: input.src, status: 'unreadable', reason, identifiers: [], licence: null, qr: [], lines: [] });

async function bytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

function base64Bytes(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

