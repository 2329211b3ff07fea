/**
 * Table rows in collected text, where the reader separates cells with '\t' and rows (and other
 * blocks) with '\n'. Used where a header row names what the row below it holds.
 *
 * Every label and every unlabelled code asks for the row it is in and the rows around it, so a page
 * that puts thousands of them on one long line would make a search per find cost the whole line
 * (issue 15). Lines are therefore found once per text (one pass for its line breaks) and each row's
 * cells are split once and kept: any number of questions about one text costs one pass over it.
 */

/** [start, end) of a cell, trimmed of white space. */
export type Cell = [number, number];

/** How far past a row the next (or previous) non-blank row may be: markup between rows leaves blank lines. */
const NEAR = 40;

export class TextRows {
  /** Offsets of the '\n's of the text, in order (made on first use). */
  private breaks: number[] | null = null;
  private readonly cellsByLine = new Map<number, Cell[]>();
  private readonly belowByLine = new Map<number, Cell[]>();
  private readonly aboveByLine = new Map<number, Cell[]>();

  constructor(readonly norm: string) {}

  /** The line [start, end) that holds offset `at` (end is the '\n' or the end of the text). */
  lineAt(at: number): [number, number] {
    const breaks = (this.breaks ??= lineBreaks(this.norm));
    // The first break at or after `at`.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return [lo > 0 ? breaks[lo - 1]! + 1 : 0, lo < breaks.length ? breaks[lo]! : this.norm.length];
  }

  /** The non-blank cells of the line that starts at `lineStart` and ends at `lineEnd`. */
  cells(lineStart: number, lineEnd: number): Cell[] {
    let cells = this.cellsByLine.get(lineStart);
    if (!cells) this.cellsByLine.set(lineStart, (cells = cellsOf(this.norm, lineStart, lineEnd)));
    return cells;
  }

  /** The cells of the next line after `lineEnd` that is not blank, or []. */
  below(lineEnd: number): Cell[] {
    let below = this.belowByLine.get(lineEnd);
    if (below) return below;
    below = [];
    for (let from = lineEnd + 1; from < this.norm.length && !below.length && from - lineEnd < NEAR; ) {
      const [, end] = this.lineAt(from);
      below = this.cells(from, end);
      from = end + 1;
    }
    this.belowByLine.set(lineEnd, below);
    return below;
  }

  /** The cells of the nearest line before `lineStart` that is not blank, or []. */
  above(lineStart: number): Cell[] {
    let above = this.aboveByLine.get(lineStart);
    if (above) return above;
    above = [];
    for (let to = lineStart - 1; to > 0 && !above.length && lineStart - to < NEAR; ) {
      // `to` is the break that ends the line above.
      const [from] = this.lineAt(to);
      above = this.cells(from, to);
      to = from - 1;
    }
    this.aboveByLine.set(lineStart, above);
    return above;
  }
}

/** The index of the cell that holds `at` (or, with `exact`, that starts at `at`), or -1. */
export function cellIndexAt(cells: readonly Cell[], at: number, exact = false): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = cells[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return !exact || s === at ? mid : -1;
  }
  return -1;
}

function lineBreaks(norm: string): number[] {
  const out: number[] = [];
  for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) out.push(i);
  return out;
}

const SPACE = /[\s\u200B]/;

/** The [start, end) of each non-blank cell of norm[from, to), trimmed of white space. */
function cellsOf(norm: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  for (let a = from; a < to; ) {
    let b = a;
    while (b < to && norm.charCodeAt(b) !== TAB) b++;
    let s = a;
    let e = b;
    while (s < e && SPACE.test(norm[s]!)) s++;
    while (e > s && SPACE.test(norm[e - 1]!)) e--;
    if (e > s) cells.push([s, e]);
    a = b + 1;
  }
  return cells;
}

const TAB = 9;
