import { describe, expect, it } from 'vitest';
import { withoutRedInk, type Raster } from './raster';

const px = (...rgb: number[][]): Raster => ({ width: rgb.length, height: 1, data: new Uint8ClampedArray(rgb.flatMap((c) => [...c, 255])) });
/** A translucent colour over a background, as a browser composites it. */
const over = (fg: number[], a: number, bg: number[]) => bg.map((b, i) => Math.round(fg[i]! * a + b * (1 - a)));

describe('withoutRedInk', () => {
  const paper = [251, 247, 236];
  const ink = [20, 20, 20];
  const watermark = [200, 40, 40];

  it('turns a red watermark over paper back to about paper, and keeps black text under it dark', () => {
    const input = px(paper, over(watermark, 0.28, paper), over(watermark, 0.28, ink));
    const out = withoutRedInk(input).data;
    const grey = (d: ArrayLike<number>, i: number) => (d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]!) / 3;
    const contrast = (d: ArrayLike<number>) => Math.abs(grey(d, 1) - grey(d, 0));
    // The watermark stands out from the paper a quarter as much as before (43 grey levels before).
    expect(contrast(out)).toBeLessThan(contrast(input.data) / 4);
    expect(grey(out, 2)).toBeLessThan(90);
  });

  it('leaves black, grey, blue and paper pixels as they are', () => {
    const input = px(paper, ink, [102, 102, 102], [30, 60, 200], [239, 232, 216]);
    expect(Array.from(withoutRedInk(input).data)).toEqual(Array.from(input.data));
  });
});
