import * as ort from 'onnxruntime-web/wasm';
import { readPicture, type PictureReading, type QrDecoder } from '../../src/image/read-picture';
import { zxingQr } from '../../src/image/zxing-qr';
import { OcrEngine } from '../../src/ocr/ocr-engine';
import type { OcrModels } from '../../src/ocr/runtime';
import type { PictureFacts } from '../../src/types';
import { nativeApi } from '../browser/native-api';
import type { PictureEngineStatus, PictureInput } from '../protocol/messages';
import { decodeInExtension } from './decode-picture';
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
  private readonly cache = new Map<string, PictureFacts>();
  status: PictureEngineStatus = { phase: 'cold', progress: 0 };
  /** Timings of the last reading (for the bench). */
  lastReading: PictureReading['timings'] | null = null;
  modelLoadMs: number | null = null;

  async read(inputs: PictureInput[]): Promise<PictureFacts[]> {
    const out: PictureFacts[] = [];
    for (const input of inputs) out.push(await this.readOne(input));
    return out;
  }

  private async readOne(input: PictureInput): Promise<PictureFacts> {
    const unreadable = (reason: string): PictureFacts => ({ picture: input.src, status: 'unreadable', reason, identifiers: [], licence: null, qr: [], lines: [] });
    if (!input.data) return unreadable(input.error ?? 'no-bytes');
    const key = `${input.src}\n${JSON.stringify(input.crop)}\n${input.data.length}\n${input.data.slice(0, 64)}\n${input.data.slice(-64)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    let raster;
    try {
      raster = await decodeInExtension(base64Bytes(input.data), input.crop);
    } catch {
      return unreadable('not-a-picture');
    }
    try {
      const { ocr, qr } = await this.load();
      const reading = await readPicture(raster, input.src, ocr, qr);
      this.lastReading = reading.timings;
      this.cache.set(key, reading.facts);
      if (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value!);
      return reading.facts;
    } catch (error) {
      console.warn('[liangzhao] picture reader failed', error);
      return unreadable('reader-failed');
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

function base64Bytes(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

