import { describe, expect, it } from 'vitest';
import { withoutRedInk, type Raster } from './raster';

const px = (...rgb: number[][]): Raster => ({ width: rgb.length, height: 1, data: new Uint8ClampedArray(rgb.flatMap((c) => [...c, 255])) });
/** A translucent colour over a background, as a browser composites it. */
const over = (fg: number[], a: number, bg: number[]) => bg.map((b, i) => Math.round(fg[i]! * a + b * (1 - a)));
const grey = (d: ArrayLike<number>, i: number) => (d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]!) / 3;

/**
 * What a JPEG does to colour: brightness kept per pixel, the two colour differences (Cb, Cr) averaged
 * over 2×2 blocks (4:2:0 subsampling), as libjpeg and the browsers' encoders do by default.
 */
function jpegColour(r: Raster): Raster {
  const { width: w, height: h, data } = r;
  const yy = new Float32Array(w * h);
  const cb = new Float32Array(w * h);
  const cr = new Float32Array(w * h);
  for (let p = 0; p < w * h; p++) {
    const [R, G, B] = [data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!];
    yy[p] = 0.299 * R + 0.587 * G + 0.114 * B;
    cb[p] = 128 - 0.168736 * R - 0.331264 * G + 0.5 * B;
    cr[p] = 128 + 0.5 * R - 0.418688 * G - 0.081312 * B;
  }
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const block = [0, 1].flatMap((dy) => [0, 1].map((dx) => Math.min(h - 1, (y & ~1) + dy) * w + Math.min(w - 1, (x & ~1) + dx)));
      const b = block.reduce((s, q) => s + cb[q]!, 0) / 4 - 128;
      const c = block.reduce((s, q) => s + cr[q]!, 0) / 4 - 128;
      const p = y * w + x;
      out[p * 4] = yy[p]! + 1.402 * c;
      out[p * 4 + 1] = yy[p]! - 0.344136 * b - 0.714136 * c;
      out[p * 4 + 2] = yy[p]! + 1.772 * b;
      out[p * 4 + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

describe('withoutRedInk', () => {
  const paper = [251, 247, 236];
  const ink = [20, 20, 20];
  const watermark = [200, 40, 40];

  it('turns a red watermark over paper back to about paper, and keeps black text under it dark', () => {
    const input = px(paper, over(watermark, 0.28, paper), over(watermark, 0.28, ink));
    const out = withoutRedInk(input).data;
    const contrast = (d: ArrayLike<number>) => Math.abs(grey(d, 1) - grey(d, 0));
    // The watermark stands out from the paper a quarter as much as before (43 grey levels before).
    expect(contrast(out)).toBeLessThan(contrast(input.data) / 4);
    // The black text under it stays far darker than the paper (it is lifted a little with the watermark).
    expect(grey(out, 0) - grey(out, 2)).toBeGreaterThan(100);
  });

  it('leaves black, grey, blue and paper pixels as they are', () => {
    const input = px(paper, ink, [102, 102, 102], [30, 60, 200], [239, 232, 216]);
    expect(Array.from(withoutRedInk(input).data)).toEqual(Array.from(input.data));
  });

  it('washes out the rims of a watermark’s strokes in a JPEG, and keeps the black text beside and under it', () => {
    // 40×12 pixels of paper: a watermark stroke 4 pixels wide at x 10–13 with anti-aliased rims at x 9
    // and 14 (half as opaque, and sharing the JPEG's 2×2 colour blocks with paper), a black stroke at
    // x 24–26, and across rows 8–10 the watermark over the black stroke too.
    const w = 40;
    const h = 12;
    const wmAt = (x: number, y: number) => ((x >= 10 && x <= 13) || (y >= 8 && y <= 10 && x >= 20 && x <= 30) ? 0.28 : x === 9 || x === 14 ? 0.14 : 0);
    const inkAt = (x: number) => x >= 24 && x <= 26;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let c = inkAt(x) ? ink : paper;
        if (wmAt(x, y)) c = over(watermark, wmAt(x, y), c);
        data.set([...c, 255], (y * w + x) * 4);
      }
    }
    const input = jpegColour({ width: w, height: h, data });
    const out = withoutRedInk(input).data;
    const paperGrey = grey(out, 2 * w + 35);
    // The rims are darker than the paper but hardly red in the JPEG.
    for (const x of [9, 14]) {
      const rim = (2 * w + x) * 4;
      expect(input.data[rim]! - Math.max(input.data[rim + 1]!, input.data[rim + 2]!)).toBeLessThan(25);
      expect(paperGrey - grey(input.data, 2 * w + x)).toBeGreaterThan(10);
    }
    for (let y = 0; y < 7; y++) {
      for (const x of [9, 10, 11, 12, 13, 14]) expect(Math.abs(grey(out, y * w + x) - paperGrey), `watermark at ${x},${y}`).toBeLessThan(8);
      // Black print away from red ink is left black; near it and under it, lifted a little with it.
      for (const x of [24, 25, 26]) expect(grey(out, y * w + x), `ink at ${x},${y}`).toBeLessThan(y < 6 ? 40 : 90);
    }
    for (const x of [24, 25, 26]) expect(paperGrey - grey(out, 9 * w + x), `ink under the watermark at ${x}`).toBeGreaterThan(100);
    // Paper with no red ink near is left as it was.
    expect(Array.from(out.slice((2 * w + 35) * 4, (2 * w + 35) * 4 + 4))).toEqual(Array.from(input.data.slice((2 * w + 35) * 4, (2 * w + 35) * 4 + 4)));
  });
});
