/**
 * Table rows in collected text, where the reader separates cells with '\t' and rows (and other
 * blocks) with '\n'. Used where a header row names what the row below it holds.
 */

/** The [start, end) of each non-blank cell of norm[from, to), trimmed of white space. */
export function cellsOf(norm: string, from: number, to: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let a = from; a < to; ) {
    let b = norm.indexOf('\t', a);
    if (b < 0 || b > to) b = to;
    let s = a;
    let e = b;
    while (s < e && /[\s\u200B]/.test(norm[s]!)) s++;
    while (e > s && /[\s\u200B]/.test(norm[e - 1]!)) e--;
    if (e > s) cells.push([s, e]);
    a = b + 1;
  }
  return cells;
}

/** The line [start, end) that holds offset `at`. */
export function lineAt(norm: string, at: number): [number, number] {
  const nl = norm.indexOf('\n', at);
  return [norm.lastIndexOf('\n', at - 1) + 1, nl < 0 ? norm.length : nl];
}

/** The cells of the next line after `lineEnd` that is not blank (markup between rows leaves such lines). */
export function cellsBelow(norm: string, lineEnd: number): [number, number][] {
  let below: [number, number][] = [];
  for (let from = lineEnd + 1; from < norm.length && !below.length && from - lineEnd < 40; ) {
    const end = norm.indexOf('\n', from);
    below = cellsOf(norm, from, end < 0 ? norm.length : end);
    from = end < 0 ? norm.length : end + 1;
  }
  return below;
}

/** The cells of the nearest line before `lineStart` that is not blank, or []. */
export function cellsAbove(norm: string, lineStart: number): [number, number][] {
  let above: [number, number][] = [];
  for (let to = lineStart - 1; to > 0 && !above.length && lineStart - to < 40; ) {
    const from = norm.lastIndexOf('\n', to - 1) + 1;
    above = cellsOf(norm, from, to);
    to = from - 1;
  }
  return above;
}
