import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGB(A) PNG, as screenshots are. */
export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8Array;
}

/** Decodes the PNGs browsers write for screenshots (8-bit, RGB or RGBA, not interlaced). */
export function decodePng(png: Uint8Array): Pixels {
  const buf = Buffer.from(png);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG (bit depth or interlace)');
      colorType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`unsupported PNG color type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const x = line[i]!;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      cur[i] = v & 0xff;
    }
    for (let xPix = 0; xPix < width; xPix++) {
      const o = (y * width + xPix) * 4;
      out[o] = cur[xPix * channels]!;
      out[o + 1] = cur[xPix * channels + 1]!;
      out[o + 2] = cur[xPix * channels + 2]!;
      out[o + 3] = channels === 4 ? cur[xPix * channels + 3]! : 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

/** Counts pixels within `tolerance` of a color inside a rectangle. */
export function countColor(p: Pixels, rgb: [number, number, number], rect: { x: number; y: number; w: number; h: number }, tolerance = 8): number {
  let n = 0;
  for (let y = Math.max(0, rect.y); y < Math.min(p.height, rect.y + rect.h); y++) {
    for (let x = Math.max(0, rect.x); x < Math.min(p.width, rect.x + rect.w); x++) {
      const o = (y * p.width + x) * 4;
      if (Math.abs(p.rgba[o]! - rgb[0]) <= tolerance && Math.abs(p.rgba[o + 1]! - rgb[1]) <= tolerance && Math.abs(p.rgba[o + 2]! - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}

/**
 * Rows of the screenshot that are almost entirely the danger red across the panel's width, bottom
 * right: more than 40 means the expanded danger header is there and styled as it should be.
 */
export function dangerBandRows(p: Pixels): number {
  let rows = 0;
  // The panel opens in the right corner, or the left one when the right would cover a buy button.
  const red = (x: number, y: number) => countColor(p, [197, 34, 31], { x, y, w: 360, h: 1 }) >= 300;
  for (let y = 0; y < p.height; y++) if (red(p.width - 390, y) || red(16, y)) rows++;
  return rows;
}
