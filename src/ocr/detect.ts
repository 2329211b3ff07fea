import { convexHull, minAreaRect, type Point, type RotatedRect } from './geometry';
import { sampleBgr, shrink, type Raster } from './raster';

/** PP-OCRv4 detection (DB): ImageNet mean and deviation, on 0..1 BGR. */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetInput {
  data: Float32Array;
  width: number;
  height: number;
  /** Picture pixels per input pixel, along each axis. */
  scaleX: number;
  scaleY: number;
}

/**
 * The detector's input: the picture scaled so its longer side is at most `maxSide` (both sides a
 * multiple of 32, as the network's strides need), normalized, channels first. A much larger picture
 * is box-filtered down first so that thin strokes survive.
 */
export function detInput(picture: Raster, maxSide: number): DetInput {
  const ratio = Math.min(1, maxSide / Math.max(picture.width, picture.height));
  const width = Math.max(32, Math.round((picture.width * ratio) / 32) * 32);
  const height = Math.max(32, Math.round((picture.height * ratio) / 32) * 32);
  const factor = Math.floor(Math.min(picture.width / width, picture.height / height));
  const src = factor >= 2 ? shrink(picture, factor) : picture;
  const sx = src.width / width;
  const sy = src.height / height;
  const plane = width * height;
  const data = new Float32Array(plane * 3);
  const px = new Float32Array(3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sampleBgr(src, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, px);
      const i = y * width + x;
      data[i] = (px[0]! / 255 - MEAN[0]!) / STD[0]!;
      data[plane + i] = (px[1]! / 255 - MEAN[1]!) / STD[1]!;
      data[2 * plane + i] = (px[2]! / 255 - MEAN[2]!) / STD[2]!;
    }
  }
  return { data, width, height, scaleX: picture.width / width, scaleY: picture.height / height };
}

export interface TextBox {
  /** The line's rectangle in picture coordinates. */
  rect: RotatedRect;
  /** The detector's mean probability over the region. */
  score: number;
}

/** PaddleOCR's DB post-processing settings (its defaults). */
const THRESH = 0.3;
const BOX_THRESH = 0.6;
const UNCLIP_RATIO = 1.5;
const MIN_SIDE = 3;

/**
 * Text regions from the detector's probability map: connected regions over the threshold, each one's
 * smallest rotated rectangle, grown outwards as DB shrank it in training (the unclip), in picture
 * coordinates. A rectangle is grown by the polygon offset of its own area/perimeter, which for a
 * rectangle is exactly what the clipper library's offset would give.
 */
export function textBoxes(prob: Float32Array, input: Pick<DetInput, 'width' | 'height' | 'scaleX' | 'scaleY'>): TextBox[] {
  const { width: w, height: h } = input;
  const labels = new Int32Array(w * h);
  const queue = new Int32Array(w * h);
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (labels[start] || prob[start]! <= THRESH) continue;
    next++;
    labels[start] = next;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    // The hull only needs each row's leftmost and rightmost pixel.
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let sum = 0;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % w;
      const y = (i - x) / w;
      sum += prob[i]!;
      if (!(x >= (rowMin.get(y) ?? Infinity))) rowMin.set(y, x);
      if (!(x <= (rowMax.get(y) ?? -Infinity))) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (!labels[j] && prob[j]! > THRESH) {
            labels[j] = next;
            queue[tail++] = j;
          }
        }
      }
    }
    const count = tail;
    const score = sum / count;
    if (score < BOX_THRESH || count < 4) continue;
    const points: Point[] = [];
    for (const [y, x0] of rowMin) {
      const x1 = rowMax.get(y)!;
      // Pixel squares, not centres: a one-pixel-high line still has an area.
      points.push({ x: x0, y }, { x: x1 + 1, y }, { x: x0, y: y + 1 }, { x: x1 + 1, y: y + 1 });
    }
    const rect = minAreaRect(convexHull(points));
    if (Math.min(rect.width, rect.height) < MIN_SIDE - 1) continue;
    const d = (rect.width * rect.height * UNCLIP_RATIO) / (2 * (rect.width + rect.height));
    const grown = { ...rect, width: rect.width + 2 * d, height: rect.height + 2 * d };
    if (Math.min(grown.width, grown.height) < MIN_SIDE + 2) continue;
    boxes.push({ rect: toPicture(grown, input.scaleX, input.scaleY), score });
  }
  return boxes;
}

/** A rectangle of the input's pixel grid in picture coordinates (the scales differ a little per axis). */
function toPicture(r: RotatedRect, sx: number, sy: number): RotatedRect {
  const c = Math.cos(r.angle);
  const s = Math.sin(r.angle);
  const wx = r.width * c * sx;
  const wy = r.width * s * sy;
  const hx = -r.height * s * sx;
  const hy = r.height * c * sy;
  return { cx: r.cx * sx, cy: r.cy * sy, width: Math.hypot(wx, wy), height: Math.hypot(hx, hy), angle: Math.atan2(wy, wx) };
}
