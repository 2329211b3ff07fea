import { USCC_ALPHABET, checkOrgcode, checkUscc, isIdCardNumber } from '../identifiers/checks';
import type { PartText } from './part-text';

/**
 * Digit runs that may hold a USCC with no label: every USCC has six digits in a row (its division
 * code), perhaps glued by spaces or invisible characters. Only windows that pass every USCC check
 * count, so the thousands of order numbers on a listing page cost little.
 */

/** Character classes shared with the hint scan: 1 digit (any width), 2 glue inside a number. */
export const DIGIT = 1;
export const GLUE = 2;
export const GLUE_CHARS = ' \t\n\r\u00a0\u3000\u00ad\u200b\u200c\u200d\u2060\ufeff';

const NUMBER_CLASS = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) t[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = DIGIT;
  for (const g of GLUE_CHARS) t[g.charCodeAt(0)] = GLUE;
  return t;
})();

/** Glue characters allowed between two digits of one run. */
export const MAX_GLUE = 3;
/** Digits read as one piece at most: a page's numbers joined by whitespace must not become one. */
const PIECE_DIGITS = 48;
/** How far a piece is widened to the letters and glue around it. */
const WIDEN = 24;

/**
 * Reads the run of digits around `at` (a digit, or glue just before one): digits with at most
 * three glue characters between them, not reaching back before `floor`. Pushes the offsets where a
 * real USCC starts in it and returns where the run ends. Runs are read in pieces of 48 digits
 * (windows across a piece boundary are still seen: widening reaches back past it).
 */
export function readDigitRun(whole: PartText, at: number, floor: number, out: number[]): number {
  const text = new PartReader(whole, at);
  if (NUMBER_CLASS[text.charCodeAt(at)] !== DIGIT) at++;
  let start = at;
  for (let j = at - 1, glue = 0; j >= floor; j--) {
    const k = NUMBER_CLASS[text.charCodeAt(j)];
    if (k === DIGIT) {
      start = j;
      glue = 0;
    } else if (k !== GLUE || ++glue > MAX_GLUE) break;
  }
  let end = at + 1;
  for (let j = at + 1, glue = 0; j < text.length; j++) {
    const k = NUMBER_CLASS[text.charCodeAt(j)];
    if (k === DIGIT) {
      end = j + 1;
      glue = 0;
    } else if (k !== GLUE || ++glue > MAX_GLUE) break;
  }
  let piece = start;
  let digits = 0;
  for (let j = start; j < end; j++) {
    if (NUMBER_CLASS[text.charCodeAt(j)] !== DIGIT) continue;
    if (digits === 0) piece = j;
    if (++digits === PIECE_DIGITS) {
      usccStarts(text, piece, j + 1, out);
      digits = 0;
    }
  }
  if (digits >= 6) usccStarts(text, piece, end, out);
  return end;
}

/**
 * Reads a PartText around one offset: straight from the part holding it (a run and its context
 * are nearly always inside one text node), through the PartText elsewhere.
 */
class PartReader {
  private readonly part: string;
  private readonly start: number;
  readonly length: number;
  constructor(private readonly text: PartText, at: number) {
    const p = text.partAt(at);
    this.part = text.parts[p]!;
    this.start = text.starts[p]!;
    this.length = text.length;
  }

  charCodeAt(at: number): number {
    const i = at - this.start;
    return i >= 0 && i < this.part.length ? this.part.charCodeAt(i) : this.text.charCodeAt(at);
  }
}

/** Letters, digits (any width) and the glue a disguised code may hold. */
const RUN_CHARS = (() => {
  const t = new Uint8Array(0x10000);
  const ranges: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a], [0x200b, 0x200d]];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) t[c] = 1;
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000, 0xad, 0x2060, 0xfeff, 0x2d, 0xff0d]) t[c] = 1;
  return t;
})();

/**
 * Widens text[start, end) to its letters and glue and pushes where real codes start in it. Each
 * window's own start: the run may begin in the previous element. No "order number" check here:
 * the text loses the block boundary that the full reader sees between a label and a code in the
 * next paragraph, so only the full reader may decide that.
 */
function usccStarts(text: PartReader, start: number, end: number, out: number[]): void {
  let from = start;
  while (from > 0 && start - from < WIDEN && RUN_CHARS[text.charCodeAt(from - 1)]) from--;
  let to = end;
  while (to < text.length && to - end < WIDEN && RUN_CHARS[text.charCodeAt(to)]) to++;
  const codes: number[] = [];
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0;
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) {
      codes.push(c);
      at.push(i);
    }
  }
  for (const w of usccWindows(codes)) out.push(at[w]!);
}

/** Value of each character in the USCC alphabet, 255 outside it. */
const USCC_VALUE = (() => {
  const t = new Uint8Array(128).fill(255);
  for (let v = 0; v < USCC_ALPHABET.length; v++) t[USCC_ALPHABET.charCodeAt(v)] = v;
  return t;
})();
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The 18-character windows that are real USCCs. A cheap arithmetic pre-test on codes
 * (thousands of order numbers per page reach it); a window that passes is then checked in full,
 * with its structure, organization code and the ID-card exclusion.
 */
function usccWindows(codes: number[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + 18 <= codes.length; i++) {
    let sum = 0;
    let ok = true;
    for (let k = 0; k < 17 && ok; k++) {
      const v = USCC_VALUE[codes[i + k]!]!;
      if (v === 255) ok = false;
      else sum += v * WEIGHTS[k]!;
    }
    if (!ok || USCC_VALUE[codes[i + 17]!] !== (31 - (sum % 31)) % 31) continue;
    const w = String.fromCharCode(...codes.slice(i, i + 18));
    if (!checkUscc(w).length && !checkOrgcode(w.slice(8, 17)).length && !isIdCardNumber(w)) found.push(i);
  }
  return found;
}
