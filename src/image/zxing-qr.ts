import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Raster } from '../ocr/raster';
import type { QrDecoder } from './read-picture';

/**
 * QR codes with ZXing-C++ (zxing-wasm, reader only): it finds every code in a picture, rotated and
 * blurred ones included. Its WASM comes from the caller (the package's own file, read from disk in
 * node and from the extension's files in the browser): left alone, the package would fetch it from a
 * CDN, and nothing may be downloaded at run time.
 */
export function zxingQr(wasm: () => Promise<ArrayBuffer>): QrDecoder {
  let ready: Promise<unknown> | null = null;
  return async (picture: Raster) => {
    ready ??= wasm().then((wasmBinary) => prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true }));
    await ready;
    const pixels = { width: picture.width, height: picture.height, data: new Uint8ClampedArray(picture.data.buffer, picture.data.byteOffset, picture.data.length), colorSpace: 'srgb' as const };
    const results = await readBarcodes(pixels as unknown as ImageData, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 8 });
    return results.filter((r) => r.isValid && r.text).map((r) => r.text);
  };
}
