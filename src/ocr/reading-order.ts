import type { RotatedRect } from './geometry';

/**
 * The detected lines as rows in reading order, top to bottom in the picture's own tilt (each row the
 * indices of its lines, left to right). The reader recognizes a picture row by row in this order, so
 * the top of a licence (the 2016 paper licence prints its credit code under the title and 名称 as
 * its first field; a platform card starts with them) is read first and its facts can be known before
 * the rest of the picture has been read.
 */
export function readingRows(rects: readonly RotatedRect[]): number[][] {
  const wide = rects.filter((r) => r.width > 2 * r.height).map((r) => r.angle).sort((a, b) => a - b);
  const angle = wide.length ? wide[Math.floor(wide.length / 2)]! : 0;
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
