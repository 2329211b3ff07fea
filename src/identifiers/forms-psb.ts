import { _, CJK, P, strip, type Form, type FormMatch } from './form-parts';
import { provinceByCode, provinceByIcpAbbr, provinceByPsbAbbr } from './provinces';

/**
 * 公安 filings as pages write them: 京公网安备11010802012345号 (since 2012, 14 digits), the older
 * 12- and 13-digit numbers, 京公安备 / 京公网备 / 京公安網備 / 深公网安备 / 穗公网监备案证第…, a colon
 * or a line break before the number, 北京市公安局朝阳分局备案编号 / 公安机关备案号 / 网警备案号 labels,
 * two numbers under one label, and the number written before its label.
 */
const NUMBER = `\\d(?:[ \\u200B]?-?[ \\u200B]?\\d){9,17}`;
/** 公网安备 and the ways pages misspell or shorten it. */
const WORD = '(?:公安网安备|公网安备|公安网备|公网备|公安备|公网监备)案?证?(?:编号|号)?';
const SEP = '[ \\u200B\\t\\n]*[:：]?[ \\u200B\\t\\n]*';
/** A second number right after the first (京公安網備110105002132 11010502025330). */
const SECOND = (name: string) => `(?:[ \\u200B]{1,3}|[ \\u200B]*[,，、/][ \\u200B]*)(?<${name}>\\d{12,14})(?!\\d)`;

/** The filing of a number: its province's 公网安备 prefix unless the page named a province. */
function filing(number: string, abbr: string | undefined, span?: string): FormMatch {
  const n = strip(number).replace(/-/g, '');
  const coded = provinceByCode(n);
  const named = abbr ? provinceByPsbAbbr(abbr) ?? provinceByIcpAbbr(abbr) : undefined;
  const problems: string[] = [];
  // Numbers had 10 to 13 digits before the 14-digit scheme of 2012; more is a mistake.
  if (n.length > 14) problems.push('length');
  if (!coded) problems.push('division');
  const prefix = named ? abbr! : (coded?.psb ?? '');
  const m: FormMatch = { kind: 'psb-filing', label: '公安联网备案号', problems, region: (named ?? coded)?.name, value: `${prefix}公网安备${n}号` };
  if (span) m.span = span;
  return m;
}

const withSecond = (first: FormMatch, second: string | undefined, name: string): FormMatch[] =>
  second && provinceByCode(second) ? [first, filing(second, undefined, name)] : [first];

export const PSB_FORMS: Form[] = [
  {
    id: 'psb',
    // The character before the word names the place (京, 深, 北京's 京); read by a lookbehind so that the
    // pattern starts at 公 and is not tried at every Chinese character of a window.
    pattern: `(?<psb>(?:(?<=(?<psbH>${CJK}))|(?<!${CJK}))${WORD}${SEP}第?(?<psbV>${NUMBER})(?![\\d-])(?:${_}号)?(?:${SECOND('psbS')})?)`,
    build(g) {
      // 北京公安备案, 深公网安备: a province abbreviation is kept, a city's is replaced by its province's.
      const abbr = g.psbH;
      const first = filing(g.psbV!, abbr && (provinceByPsbAbbr(abbr) ?? provinceByIcpAbbr(abbr)) ? abbr : undefined, 'psbV');
      return withSecond(first, g.psbS, 'psbS');
    },
  },
  {
    // 北京市公安局海淀分局备案编号：110108000129 / 公安机关备案号：43011102001327 / 广西网警备案号：45010302000046.
    id: 'pb',
    pattern: `(?<pb>(?:公安机关|公安局${CJK}{0,8}?分局|公安分局|公安网警|网警|网安)备案(?:编号|号)?${SEP}(?<pbV>\\d{10,14})(?!\\d)(?:${_}号)?(?:${SECOND('pbS')})?)`,
    build: (g) => (provinceByCode(g.pbV!) ? withSecond(filing(g.pbV!, undefined, 'pbV'), g.pbS, 'pbS') : null),
  },
  {
    // 11010802012345号 京公网安备: the number first, the label after it and nothing after the label.
    id: 'pn',
    pattern: `(?<pn>(?<![\\dA-Z\\u4E00-\\u9FFF-])(?<pnV>\\d{10,14})${_}号?[ \\u200B|]{0,3}(?<pnP>${P})${_}公网安备(?![ \\u200B\\t\\n:：号]*\\d))`,
    build: (g) => (provinceByCode(g.pnV!) ? filing(g.pnV!, g.pnP, 'pnV') : null),
  },
];
