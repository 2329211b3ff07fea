import { forEachFold } from './trad-simp';

/**
 * Page text is normalized one UTF-16 unit to one unit, so that an offset in the normalized text is
 * the same offset in the page's own text: matches run on the normalized text, evidence is cut from
 * the original. Folding: full-width → half-width, a-z → A-Z, Traditional and variant characters →
 * Simplified (OpenCC's table, see trad-simp.ts), dashes → '-', every whitespace → ' ', and invisible characters (zero-width, soft
 * hyphen, bidi marks, BOM) → INVISIBLE, which patterns treat as glue inside a value.
 */
export const INVISIBLE = '\u200B';

/**
 * The fold of unit c is (c + shifts[c]) & 0xffff: a table of differences from c, so that the
 * identity, nearly all of it, is the array's zero fill (an identity loop over 65,536 units is a
 * millisecond on every page, when it ran in the content script). Built on first use: a page with nothing to
 * fold never pays for it.
 */
let shifts: Uint16Array | null = null;
const getShifts = (): Uint16Array => (shifts ??= buildShifts());

function buildShifts(): Uint16Array {
  const shift = new Uint16Array(0x10000);
  const put = (c: number, folded: number) => {
    shift[c] = (folded - c) & 0xffff;
  };
  for (let c = 0xff01; c <= 0xff5e; c++) put(c, c - 0xfee0);
  for (let c = 0x61; c <= 0x7a; c++) put(c, c - 0x20);
  for (let c = 0xff41; c <= 0xff5a; c++) put(c, c - 0xfee0 - 0x20);
  // '\n' and '\t' are kept: the page walker uses them for block and cell boundaries (and turns the
  // page's own line breaks and tabs into spaces before folding).
  for (const ws of [0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) put(ws, 0x20);
  for (let c = 0x2000; c <= 0x200a; c++) put(c, 0x20);
  for (const inv of [0x00ad, 0x034f, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]) {
    put(inv, 0x200b);
  }
  for (let c = 0x202a; c <= 0x202e; c++) put(c, 0x200b);
  for (let c = 0x2066; c <= 0x2069; c++) put(c, 0x200b);
  for (const dash of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0x2500, 0x30fc]) put(dash, 0x2d);
  // CJK brackets that vary in the wild but mean the same thing in permit numbers.
  put(0x3010, 0x3014); // 【 → 〔
  put(0x3011, 0x3015); // 】 → 〕
  put(0x3016, 0x3014); // 〖 → 〔
  put(0x3017, 0x3015); // 〗 → 〕
  put(0x3008, 0x28); // 〈 → (
  put(0x3009, 0x29);
  put(0xff3b, 0x5b);
  put(0xff3d, 0x5d);
  put(0x2116, 0x4e); // № → N
  // A character outside the BMP is two units, and so is nothing a one-unit table can fold into:
  // the T→S pairs with an astral side (rare characters of the CJK extensions) are left to the name
  // comparison, which folds by code point.
  forEachFold((t, s) => {
    if (t < 0x10000 && s < 0x10000) put(t, s);
  });
  return shift;
}

/** Needs folding at all? Most page text is already plain; skip the per-character loop for it. */
const NEEDS_FOLD = /[a-z\r\u000b\u000c\u00a0\u00ad\u034f\u061c\u1680\u180e\u2000-\u206f\u2212\u2500\u3000-\u9fff\uf900-\ufaff\ufe58\ufe63\ufeff\uff01-\uff5e]/;

/**
 * Folds a piece of page text, keeping its length. Chinese text goes through the loop: which of
 * its characters are Traditional is one table lookup each (a regex class of the 3,600 characters
 * costs more than the lookups, and compiling it more still).
 */
export function normalizeText(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  const shift = getShifts();
  let from = 0;
  while (from < text.length && shift[text.charCodeAt(from)] === 0) from++;
  if (from === text.length) return text;
  if (text.length > 4096) return foldLong(text, from);
  let out = text.slice(0, from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const m = (c + shift[c]!) & 0xffff;
    if (m !== c) {
      out += text.slice(from, i) + String.fromCharCode(m);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** Whole pages: one table lookup per unit into a buffer, decoded once (from the first unit that folds). */
function foldLong(text: string, first: number): string {
  const buf = new Uint16Array(text.length - first);
  const shift = getShifts();
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    buf[i - first] = c + shift[c]!; // a Uint16Array stores it mod 65,536
  }
  return text.slice(0, first) + utf16.decode(buf);
}
const utf16 = new TextDecoder('utf-16le');

/** A value as it is shown → its compact form: no spaces, invisibles or group separators. */
export function compact(value: string): string {
  return normalizeText(value).replace(/[\s\u200B]+/g, '');
}
