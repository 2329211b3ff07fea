import { FROM_STEPS, TO } from './trad-simp-table';

/**
 * Traditional and variant characters → Simplified, one character to one character, for every
 * character OpenCC's T→S table maps (generated into trad-simp-table.ts by
 * scripts/generate-trad-simp.mjs; the rules for what OpenCC cannot map one to one are there and in
 * trad-simp.test.ts). The scanner folds with the BMP part of it in place, so that offsets in folded
 * text are offsets in the page's text; the company-name comparison uses all of it.
 */
export const TRAD_TO_SIMP: ReadonlyMap<number, number> = (() => {
  const to = Array.from(TO);
  const map = new Map<number, number>();
  let cp = 0;
  for (let i = 0; i < FROM_STEPS.length; ) {
    if (FROM_STEPS.charCodeAt(i) === 0x21) {
      cp += parseInt(FROM_STEPS.slice(i + 1, i + 6), 16);
      i += 6;
    } else cp += FROM_STEPS.charCodeAt(i++) - 0x24;
    map.set(cp, to[map.size]!.codePointAt(0)!);
  }
  if (map.size !== to.length) throw new Error('trad-simp-table: FROM_STEPS and TO differ in length');
  return map;
})();
