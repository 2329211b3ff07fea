import { FROM_STEPS, TO } from './trad-simp-table';

/**
 * Traditional and variant characters → Simplified, one character to one character, for every
 * character OpenCC's T→S table maps (generated into trad-simp-table.ts by
 * scripts/generate-trad-simp.mjs; the rules for what OpenCC cannot map one to one are there and in
 * trad-simp.test.ts). The scanner folds with the BMP part of it in place, so that offsets in folded
 * text are offsets in the page's text; the company-name comparison uses all of it.
 */
export function forEachFold(fn: (from: number, to: number) => void): void {
  let cp = 0;
  let k = 0;
  for (let i = 0; i < FROM_STEPS.length; ) {
    const u = FROM_STEPS.charCodeAt(i);
    if (u === 0x21) {
      cp += parseInt(FROM_STEPS.slice(i + 1, i + 7), 16);
      i += 7;
    } else {
      cp += u - 0x22;
      i++;
    }
    const to = TO.codePointAt(k)!;
    k += to > 0xffff ? 2 : 1;
    fn(cp, to);
  }
  if (k !== TO.length) throw new Error('trad-simp-table: FROM_STEPS and TO differ in length');
}

let map: Map<number, number> | null = null;

/** The table as code point → code point, built on first use (only names need it as a map). */
export function tradToSimp(): ReadonlyMap<number, number> {
  if (!map) {
    const m = new Map<number, number>();
    forEachFold((from, to) => m.set(from, to));
    map = m;
  }
  return map;
}
