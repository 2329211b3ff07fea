import type { RotatedRect } from './geometry';

/**
 * The detected lines as rows in reading order, top to bottom in the picture's own tilt (each row the
 * indices of its lines, left to right). The reader recognizes a picture row by row in this order, so
 * the top of a licence (the 2016 paper licence prints its credit code under the title and 名称 as
 * its first field; a platform card starts with them) is read first and its facts can be known before
 * the rest of the picture has been read.
 */
export function readingRows(rects: readonly RotatedRect[]): number[][] {
  const angle = dominantAngle(rects);
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  const placed = rects.map((r, i) => ({ i, x: r.cx * c - r.cy * s - r.width / 2, y: r.cx * s + r.cy * c, h: r.height }));
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: (typeof placed)[] = [];
  for (const p of placed) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    // Same row when the centres are within half a line height (as the field layout groups them).
    if (row && last && Math.abs(p.y - last.y) < 0.5 * Math.min(p.h, last.h)) row.push(p);
    else rows.push([p]);
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x).map((p) => p.i));
}

/** One degree, the width of dominantAngle's bins. */
const DEGREE = Math.PI / 180;

/**
 * The tilt of the picture's text: the angle most of its wider lines share (within about a degree),
 * their median there. Not the median of all: a watermark repeated across a licence at 30° is many
 * wide lines too, and would tilt the rows between the fields' angle and its own.
 */
export function dominantAngle(rects: readonly Pick<RotatedRect, 'width' | 'height' | 'angle'>[]): number {
  const angles = rects.filter((r) => r.width > 2 * r.height).map((r) => r.angle);
  if (!angles.length) return 0;
  const near = (a: number) => angles.filter((b) => Math.abs(b - a) <= 1.5 * DEGREE);
  let best: number[] = [];
  for (const a of angles) {
    const group = near(a);
    if (group.length > best.length) best = group;
  }
  best.sort((a, b) => a - b);
  return best[Math.floor(best.length / 2)]!;
}
