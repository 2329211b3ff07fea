import { ALL_ABBREVIATIONS } from '../identifiers/provinces';
import { HINTS } from './hint-words';
import { PartText } from './part-text';
import { DIGIT, GLUE, GLUE_CHARS, MAX_GLUE, readDigitRun } from './uscc-runs';

const HINT_AT = new RegExp(HINTS.join('|'), 'y');
/** The longest text a hint can match. */
const HINT_SPAN = 40;

/**
 * Character classes for the scanning loop (DIGIT and GLUE as for digit runs): a character some
 * hint starts with, one that is the second of some hint, and the brackets of (京). One table
 * lookup per character is several times cheaper than a regex with thirty alternatives tried at
 * every offset of a 2 MB text (and V8's regex engine is slower still on large classes of CJK
 * characters). Common characters that start a hint (新 of 新出) are filtered further by the
 * hint's first two characters before the regex runs.
 */
const CLASS = new Uint8Array(0x10000);
const FIRST = 4;
const SECOND = 8;
const OPEN = 16;
const CLOSE = 32;
const PROVINCE = 64;
/** 1 + the index of each first and each second character of a hint, 0 for the rest. */
const FIRST_INDEX = new Uint8Array(0x10000);
const SECOND_INDEX = new Uint8Array(0x10000);
/** Which first·second pairs start a hint, at FIRST_INDEX[c1] * PAIR_ROW + SECOND_INDEX[c2]. */
const PAIR_ROW = 128;
const PAIRS = new Uint8Array(PAIR_ROW * PAIR_ROW);
(() => {
  for (let c = 0x30; c <= 0x39; c++) CLASS[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] = DIGIT;
  for (const g of GLUE_CHARS) CLASS[g.charCodeAt(0)] = GLUE;
  for (const c of '(（') CLASS[c.charCodeAt(0)]! |= OPEN;
  for (const c of ')）') CLASS[c.charCodeAt(0)]! |= CLOSE;
  for (const c of ALL_ABBREVIATIONS) CLASS[c.charCodeAt(0)]! |= PROVINCE;
  const atom = (h: string, at: number): [string, number] => {
    if (h[at] !== '[') return [h[at]!, at + 1];
    const close = h.indexOf(']', at);
    return [h.slice(at + 1, close), close + 1];
  };
  let firsts = 0;
  let seconds = 0;
  for (const h of HINTS.slice(0, -1)) {
    const [heads, next] = atom(h, 0);
    const [tails] = atom(h, next);
    for (const a of heads) {
      const ca = a.charCodeAt(0);
      CLASS[ca]! |= FIRST;
      FIRST_INDEX[ca] ||= ++firsts;
      for (const b of tails) {
        const cb = b.charCodeAt(0);
        CLASS[cb]! |= SECOND;
        SECOND_INDEX[cb] ||= ++seconds;
        PAIRS[FIRST_INDEX[ca]! * PAIR_ROW + SECOND_INDEX[cb]!] = 1;
      }
    }
  }
  if (firsts >= PAIR_ROW || seconds >= PAIR_ROW) throw new Error('hint pair table too small');
})();

const pairStarts = (c1: number, c2: number) => PAIRS[FIRST_INDEX[c1]! * PAIR_ROW + SECOND_INDEX[c2]!] === 1;
const isOpen = (c: number) => (CLASS[c]! & OPEN) !== 0;

/**
 * The fast path's hint scan, fed the page's text part by part (its text nodes in document order,
 * as the browser hands them over, never joined). Looks at every second character only: every
 * hint is at least two characters long, so a hint starting at j has its first character at an
 * even offset or its second one; a run of six digits always has a digit, or glue just before a
 * digit, at an even offset. What passes these cheap tests is verified once all the text is in.
 */
export class HintScanner<Owner = unknown> {
  readonly text = new PartText<Owner>();
  /** Offsets where a hint may start (the regex decides), in order. */
  private candidates: number[] = [];
  /** Offsets of a digit, or glue before one, where a run may start, in order. */
  private seeds: number[] = [];
  private last = NaN;
  /** A hint's first character that ended the previous part, waiting for its second. */
  private pendingFirst = -1;
  /** Glue that ended the previous part, waiting to see whether a digit follows. */
  private pendingGlue = -1;
  /** The last digit at an even offset: a digit two after it continues the same run. */
  private lastDigit = -3;
  /** A run that reached the end of the previous part: its seed (-1 for none) and digits so far. */
  private pendingRun = -1;
  private pendingDigits = 0;
  /**
   * Where the last run digitSeed read ends: a digit (or glue before one) short of it is in a run
   * already decided, and reading that run again from every digit of it cost the square of its length
   * on a page of "1  1  1 …" (issue 15).
   */
  private runUntil = 0;

  /** Feeds the next part of the text (a text node's data) and what it belongs to. */
  add(s: string, owner: Owner): void {
    const base = this.text.push(s, owner);
    if (base < 0) return;
    const n = s.length;
    const { candidates, seeds } = this;
    const first = s.charCodeAt(0);
    if (this.pendingFirst >= 0 && pairStarts(this.last, first)) candidates.push(this.pendingFirst);
    if (this.pendingGlue >= 0 && CLASS[first] === DIGIT) seeds.push(this.pendingGlue);
    if (this.pendingRun >= 0 && (this.pendingDigits >= 6 || CLASS[first]! & (DIGIT | GLUE))) seeds.push(this.pendingRun);
    this.pendingFirst = this.pendingGlue = this.pendingRun = -1;
    for (let i = base & 1; i < n; i += 2) {
      const c = s.charCodeAt(i);
      const k = CLASS[c]!;
      if (k === 0) continue;
      const at = base + i;
      if (k === GLUE) {
        if (i + 1 === n) this.pendingGlue = at;
        else if (CLASS[s.charCodeAt(i + 1)] === DIGIT) this.digitSeed(s, base, i + 1);
        continue;
      }
      const before = i > 0 ? s.charCodeAt(i - 1) : this.last;
      if (k & DIGIT) {
        // A digit two after the last one, with a digit or glue between, goes on the same run.
        if (this.lastDigit !== at - 2 || !(CLASS[before]! & (DIGIT | GLUE))) this.digitSeed(s, base, i);
        this.lastDigit = at;
      }
      if (k & SECOND && pairStarts(before, c)) candidates.push(at - 1);
      if (k & FIRST) {
        if (i + 1 === n) this.pendingFirst = at;
        else if (pairStarts(c, s.charCodeAt(i + 1))) candidates.push(at);
      }
      if (k >= OPEN) {
        // (京) and (某某): the bracket itself, or the province inside it, or the closing bracket.
        if (k & OPEN) candidates.push(at);
        if (k & PROVINCE && isOpen(before)) candidates.push(at - 1);
        if (k & CLOSE) candidates.push(at - 3, at - 2);
      }
    }
    this.last = s.charCodeAt(n - 1);
  }

  /**
   * A digit at s[j]: keeps it as a seed unless its run, read within this part, is plainly too
   * short to hold a USCC (prices, counts, dates: most numbers on a page). A run that may go on
   * into the previous or the next part is kept, or decided when the next part comes.
   */
  private digitSeed(s: string, base: number, j: number): void {
    if (base + j < this.runUntil) return;
    let digits = 1;
    let x = j - 1;
    for (let glue = 0; x >= 0; x--) {
      const k = CLASS[s.charCodeAt(x)]! & (DIGIT | GLUE);
      if (k === DIGIT) {
        digits++;
        glue = 0;
      } else if (k !== GLUE || ++glue > MAX_GLUE) break;
    }
    const continued = x < 0 && (CLASS[this.last]! & (DIGIT | GLUE)) !== 0;
    let y = j + 1;
    for (let glue = 0; y < s.length; y++) {
      const k = CLASS[s.charCodeAt(y)]! & (DIGIT | GLUE);
      if (k === DIGIT) {
        digits++;
        glue = 0;
      } else if (k !== GLUE || ++glue > MAX_GLUE) break;
    }
    this.runUntil = base + y;
    // A run going on from the previous part is read from its seed there and here alike.
    if (continued) this.seeds.push(base + j);
    else if (y === s.length) {
      this.pendingRun = base + j;
      this.pendingDigits = digits;
    } else if (digits >= 6) this.seeds.push(base + j);
  }

  /** Once all text is in: the offsets worth walking, in order (see hintOffsets). */
  finish(): number[] {
    if (this.pendingRun >= 0) this.seeds.push(this.pendingRun);
    this.pendingRun = -1;
    const out: number[] = [];
    const text = this.text;
    let prev = -1;
    for (const at of this.candidates.sort((a, b) => a - b)) {
      if (at === prev || at < 0) continue;
      prev = at;
      HINT_AT.lastIndex = 0;
      if (HINT_AT.test(text.slice(at, at + HINT_SPAN))) out.push(at);
    }
    let runEnd = 0;
    for (const at of this.seeds.sort((a, b) => a - b)) {
      if (at < runEnd) continue;
      runEnd = readDigitRun(text, at, runEnd, out);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  }

  /** What the parts holding `offsets` belong to, each once, in order. */
  ownersAt(offsets: number[]): Owner[] {
    const out: Owner[] = [];
    let prev = -1;
    for (const at of offsets) {
      const p = this.text.partAt(at);
      if (p !== prev) out.push(this.text.owners[p]!);
      prev = p;
    }
    return out;
  }
}

/** Offsets in `text` worth walking: hints, and digit runs holding a window that passes every USCC check. */
export function hintOffsets(text: string): number[] {
  const scanner = new HintScanner<null>();
  scanner.add(text, null);
  return scanner.finish();
}

/** The same offsets the slow and obvious way, a regex tried at every offset (for tests). */
export function hintOffsetsSlow(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    HINT_AT.lastIndex = i;
    if (HINT_AT.test(text)) out.push(i);
  }
  const whole = new PartText<null>();
  whole.push(text, null);
  const run = /[0-9０-９](?:[0-9０-９]|[ \t\n\r\u00a0\u3000\u00ad\u200b-\u200d\u2060\ufeff]{1,3}(?=[0-9０-９]))*/g;
  let end = 0;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    if (m.index >= end) end = readDigitRun(whole, m.index, end, out);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
