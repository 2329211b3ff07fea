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
/** How far red ink is lifted towards the paper per unit of redness around it (at most RED_LIFT_MAX). */
const RED_LIFT = 1;
const RED_LIFT_MAX = 60;
/**
 * How far (pixels, each way) a red stroke's redness reaches its neighbours. A JPEG keeps colour at
 * half the resolution of brightness and a blurred photo spreads both, so the rim of a red stroke is
 * darker than the paper but hardly red: washed alone, each letter of a watermark stayed as its
 * outline, and the reader read the outlines as text.
 */
const RED_REACH = 2;

/**
 * The picture with red ink washed out. A licence is printed in black; what shops lay over a licence
 * photo ("仅限本店使用" watermarks) and the registry's seal are red, and they are what the detector
 * would otherwise take for text. Each pixel with red ink within RED_REACH is taken by its red
 * channel (red ink is light there, black print dark), lifted by the redness around it, and drawn in
 * the tint of the lightest paper around, never lighter than that paper. Black text under a
 * translucent red watermark stays dark; the paper under it, and the rims of its strokes, turn back
 * to about paper. Pixels with no red ink around are left as they are.
 */
export function withoutRedInk(r: Raster): Raster {
  const { width: w, height: h } = r;
  const d = r.data;
  const n = w * h;
  // Each pixel's redness, then the most of it within RED_REACH: along the row, then down the column.
  const own = new Uint8Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const e = d[i]! - Math.max(d[i + 1]!, d[i + 2]!);
    own[p] = e > 0 ? e : 0;
  }
  const along = new Uint8Array(n);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let m = 0;
      const to = row + Math.min(w - 1, x + RED_REACH);
      for (let k = row + Math.max(0, x - RED_REACH); k <= to; k++) if (own[k]! > m) m = own[k]!;
      along[row + x] = m;
    }
  }
  const paperOf = paperMap(d, own, w, h);
  const bw = Math.ceil(w / PAPER_BLOCK);
  const out = new Uint8ClampedArray(d.length);
  for (let y = 0; y < h; y++) {
    const top = Math.max(0, y - RED_REACH) * w;
    const bottom = Math.min(h - 1, y + RED_REACH) * w;
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = top + x; k <= bottom + x; k += w) if (along[k]! > m) m = along[k]!;
      const i = (y * w + x) * 4;
      out[i + 3] = 255;
      if (m <= RED_MARGIN) {
        out[i] = d[i]!;
        out[i + 1] = d[i + 1]!;
        out[i + 2] = d[i + 2]!;
        continue;
      }
      const lifted = d[i]! + Math.min(RED_LIFT_MAX, m * RED_LIFT);
      const paper = paperOf[Math.floor(y / PAPER_BLOCK) * bw + Math.floor(x / PAPER_BLOCK)]!;
      if (paper < 0) {
        // Red all around (a seal's solid ink): no paper to match, so grey.
        out[i] = out[i + 1] = out[i + 2] = lifted;
        continue;
      }
      const f = Math.min(d[paper]!, lifted) / Math.max(1, d[paper]!);
      out[i] = d[paper]! * f;
      out[i + 1] = d[paper + 1]! * f;
      out[i + 2] = d[paper + 2]! * f;
    }
  }
  return { width: w, height: h, data: out };
}

/** The paper map's blocks (pixels a side). */
const PAPER_BLOCK = 8;

/**
 * The paper around each PAPER_BLOCK² block: the byte offset of the lightest pixel, leaving red aside
 * (by green and blue), that is not red ink, in the block and the eight around it (-1: red ink only).
 * A watermark's stroke is a few pixels wide, so its paper is always within a block of it.
 */
function paperMap(d: Raster['data'], own: Uint8Array, w: number, h: number): Int32Array {
  const bw = Math.ceil(w / PAPER_BLOCK);
  const bh = Math.ceil(h / PAPER_BLOCK);
  const best = new Int32Array(bw * bh).fill(-1);
  const light = new Int16Array(bw * bh).fill(-1);
  for (let y = 0; y < h; y++) {
    const by = Math.floor(y / PAPER_BLOCK) * bw;
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (own[p]! > RED_MARGIN) continue;
      const i = p * 4;
      const l = d[i + 1]! + d[i + 2]!;
      const b = by + Math.floor(x / PAPER_BLOCK);
      if (l > light[b]!) {
        light[b] = l;
        best[b] = i;
      }
    }
  }
  const around = new Int32Array(bw * bh).fill(-1);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      let l = -1;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(bh - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(bw - 1, x + 1); xx++) {
          const b = yy * bw + xx;
          if (light[b]! > l) {
            l = light[b]!;
            around[y * bw + x] = best[b]!;
          }
        }
      }
    }
  }
  return around;
}
