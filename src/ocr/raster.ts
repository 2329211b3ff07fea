/**
 * A decoded picture: RGBA bytes, row by row (what ImageData, a canvas and the node decoders all
 * give). Nothing here knows where the picture came from.
 */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** A picture larger than this (either side) is scaled down before anything reads it. */
export const MAX_SIDE = 4096;

/**
 * Samples the picture at (x, y) with bilinear weights into out[0..2] as B, G, R (PaddleOCR's
 * models were trained on OpenCV's BGR order). Outside the picture reads as white paper.
 */
export function sampleBgr(r: Raster, x: number, y: number, out: Float32Array): void {
  const { width: w, height: h, data } = r;
  if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
    out[0] = out[1] = out[2] = 255;
    return;
  }
  const fx = Math.min(Math.max(x, 0), w - 1);
  const fy = Math.min(Math.max(y, 0), h - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, w - 1);
  const y1 = Math.min(y0 + 1, h - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const i00 = (y0 * w + x0) * 4;
  const i01 = (y0 * w + x1) * 4;
  const i10 = (y1 * w + x0) * 4;
  const i11 = (y1 * w + x1) * 4;
  for (let c = 0; c < 3; c++) {
    const top = data[i00 + c]! + (data[i01 + c]! - data[i00 + c]!) * ax;
    const bottom = data[i10 + c]! + (data[i11 + c]! - data[i10 + c]!) * ax;
    out[2 - c] = top + (bottom - top) * ay;
  }
}

/**
 * Box-filtered downscale by an integer factor (each output pixel the mean of factor² pixels): what
 * keeps thin strokes from aliasing away when a large photo is shrunk for detection.
 */
export function shrink(r: Raster, factor: number): Raster {
  if (factor <= 1) return r;
  const w = Math.floor(r.width / factor);
  const h = Math.floor(r.height / factor);
  const out = new Uint8ClampedArray(w * h * 4);
  const n = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * r.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) {
          s0 += r.data[i]!;
          s1 += r.data[i + 1]!;
          s2 += r.data[i + 2]!;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = s0 / n;
      out[o + 1] = s1 / n;
      out[o + 2] = s2 / n;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** How much redder than green and blue a pixel must be to count as red ink (seals, watermarks). */
const RED_MARGIN = 25;
/** How far a reddish pixel is lifted towards paper per unit of redness. */
const RED_LIFT = 0.35;

/**
 * The picture with red ink washed out: each reddish pixel becomes the grey of its red channel. A
 * licence is printed in black; what shops lay over a licence photo ("仅限本店使用" watermarks) and
 * the registry's seal are red, and they are what the detector would otherwise take for text. Black
 * text under a translucent red watermark stays dark (its red channel is low); the paper under it
 * turns back to about paper.
 */
export function withoutRedInk(r: Raster): Raster {
  const out = new Uint8ClampedArray(r.data.length);
  const d = r.data;
  for (let i = 0; i < d.length; i += 4) {
    const red = d[i]!;
    const green = d[i + 1]!;
    const blue = d[i + 2]!;
    const other = Math.max(green, blue);
    if (red > other + RED_MARGIN) {
      // A translucent red over paper lowers the red channel a little too: lifted back by how red it is.
      out[i] = out[i + 1] = out[i + 2] = red + (red - other) * RED_LIFT;
    } else {
      out[i] = red;
      out[i + 1] = green;
      out[i + 2] = blue;
    }
    out[i + 3] = 255;
  }
  return { width: r.width, height: r.height, data: out };
}
