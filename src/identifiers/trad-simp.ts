import { FROM, TO } from './trad-simp-table';

/**
 * Traditional and variant characters → Simplified, one character to one character, for every
 * character OpenCC's T→S table maps (generated into trad-simp-table.ts by
 * scripts/generate-trad-simp.mjs; the rules for what OpenCC cannot map one to one are there and in
 * trad-simp.test.ts). The scanner folds with the BMP part of it in place, so that offsets in folded
 * text are offsets in the page's text; the company-name comparison uses all of it.
 */
export const TRAD_TO_SIMP: ReadonlyMap<number, number> = (() => {
  const from = Array.from(FROM);
  const to = Array.from(TO);
  if (from.length !== to.length) throw new Error('trad-simp-table: FROM and TO differ in length');
  const map = new Map<number, number>();
  for (let i = 0; i < from.length; i++) map.set(from[i]!.codePointAt(0)!, to[i]!.codePointAt(0)!);
  return map;
})();
