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
import { PictureReadings } from './picture-readings';
import { fetchCounted, modelSizes } from './model-fetch';

/** Where the build puts the models and WASM files (scripts/ocr-assets.mjs). */
export const OCR_DIR = 'ocr';
const FILES = { det: 'det.onnx', rec: 'rec.onnx', keys: 'keys.txt', zxing: 'zxing_reader.wasm', sizes: 'sizes.json' };
/** The share of the first load's progress that fetching the model files takes; setting them up is the rest. */
const FETCH_SHARE = 0.2;
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
  private readonly readings = new PictureReadings(CACHE);
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
  read(inputs: PictureInput[]): Promise<PictureFacts[]> {
    // All at once: the OCR queue runs each picture's first steps before any picture's rest.
    return Promise.all(inputs.map((input) => this.readOne(input)));
  }

  private readOne(input: PictureInput): Promise<PictureFacts> {
    if (!input.data) return Promise.resolve(unreadable(input, input.error ?? 'no-bytes'));
    const key = `${input.src}\n${JSON.stringify(input.crop)}\n${input.data.length}\n${input.data.slice(0, 64)}\n${input.data.slice(-64)}`;
    return this.readings.ask(key, (onFirst) => this.readWhole(input, onFirst));
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
    // Progress (getPictureStatus): the files' bytes as they arrive, then each model's set-up by its size.
    const progress = (p: number) => (this.status = { phase: 'loading', progress: Math.min(0.99, p) });
    const [[det, rec], keys] = await Promise.all([
      modelSizes(url(FILES.sizes)).then((sizes) => fetchCounted([url(FILES.det), url(FILES.rec)], sizes, (f) => progress(FETCH_SHARE * f))),
      fetch(url(FILES.keys)).then((r) => r.text()),
    ]);
    progress(FETCH_SHARE);
    const models: OcrModels = { det: det!, rec: rec!, keys };
    const modelBytes = det!.byteLength + rec!.byteLength;
    const ocr = await OcrEngine.load(
      {
        createSession: async (model) => {
          const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
          progress(this.status.progress + (1 - FETCH_SHARE) * (model.byteLength / modelBytes));
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

const unreadable = (input: PictureInput, reason: string): PictureFacts => ({ picture: input.src, status: 'unreadable', reason, identifiers: [], licence: null, qr: [], lines: [] });

function base64Bytes(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

