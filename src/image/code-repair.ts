import { checkRegno, checkUscc, USCC_ALPHABET } from '../identifiers/checks';
import type { OcrChar } from '../ocr/recognize';

/**
 * Characters a reader mistakes for one another in printed codes. Lower-case letters never occur in
 * a code, so a lower-case read is always replaced by one of its group.
 */
const GROUPS = ['0OoDQ', '1IilL|', '2Zz', '5Ss', '8B', 'UVv', '6G'];
const GROUP_OF = new Map<string, string>();
for (const g of GROUPS) for (const ch of g) GROUP_OF.set(ch, g);

/** A character the reader is less sure of than this is a suspect (others are kept as read). */
export const SURE = 0.9;
/** More readings than this to try, and the code is "not read clearly" rather than guessed. */
const MAX_READINGS = 4096;

export type CodeKind = 'uscc' | 'regno';

/** What the repair concluded about one code the reader saw. */
export interface CodeReading {
  /** The code as read (upper-cased), before any repair. */
  read: string;
  /** The code to use: the unique reading that passes its check, or the reading as it was. */
  value: string;
  /** Every character was read surely and none had to be replaced. */
  confident: boolean;
  /** The value differs from the read: exactly one reading of the suspect characters passes. */
  repaired: boolean;
  /** Several readings pass (or too many to try): the code was not read clearly. */
  ambiguous: boolean;
}

/** Which characters a USCC may have at each position (GB 32100). */
function allowedUscc(i: number): string {
  if (i === 0) return '123456789ANY';
  if (i === 1) return '12345';
  if (i >= 2 && i <= 7) return '0123456789';
  return USCC_ALPHABET;
}

const check = (kind: CodeKind, value: string) => (kind === 'uscc' ? checkUscc(value) : checkRegno(value));

/**
 * Resolves the reader's usual confusions in a code (0/O/D, 1/I/L, 2/Z, 5/S, 8/B …) only where it
 * is safe: a code that passes its check is kept as read; otherwise every reading of the suspect
 * characters (those not allowed where they stand, or read with low probability) is tried, and the
 * code is changed only when exactly one reading passes. Never into another valid code by guess.
 */
export function repairCode(chars: readonly OcrChar[], kind: CodeKind): CodeReading {
  const read = chars.map((c) => c.char).join('');
  const upper = read.toUpperCase();
  const length = kind === 'uscc' ? 18 : 15;
  const allowed = (i: number) => (kind === 'uscc' ? allowedUscc(i) : '0123456789');
  const mandatory = chars.some((c, i) => !allowed(i).includes(c.char));
  const confident = chars.every((c) => c.prob >= SURE) && !mandatory;
  const asRead: CodeReading = { read: upper, value: upper, confident, repaired: false, ambiguous: false };
  if (chars.length !== length) return asRead;
  if (check(kind, read).length === 0) return { ...asRead, value: read };
  const options = chars.map((c, i) => {
    const ok = allowed(i);
    const mustChange = !ok.includes(c.char);
    if (!mustChange && c.prob >= SURE) return [c.char];
    const set = new Set<string>(mustChange ? [] : [c.char]);
    for (const g of GROUP_OF.get(c.char) ?? '') if (ok.includes(g)) set.add(g);
    // The model's own runners-up, when it gave them some weight.
    for (const alt of c.alternatives) if (alt.prob >= 0.05 && ok.includes(alt.char)) set.add(alt.char);
    return [...set];
  });
  const count = options.reduce((n, o) => n * Math.max(1, o.length), 1);
  if (options.some((o) => o.length === 0) || count > MAX_READINGS) return { ...asRead, ambiguous: true };
  const passing: string[] = [];
  const walk = (i: number, prefix: string) => {
    if (passing.length > 1) return;
    if (i === length) {
      if (check(kind, prefix).length === 0) passing.push(prefix);
      return;
    }
    for (const ch of options[i]!) walk(i + 1, prefix + ch);
  };
  walk(0, '');
  if (passing.length === 1) return { read: upper, value: passing[0]!, confident: false, repaired: true, ambiguous: false };
  return { ...asRead, ambiguous: passing.length > 1 };
}
