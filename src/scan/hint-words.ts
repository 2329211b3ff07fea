import { ALL_ABBREVIATIONS } from '../identifiers/provinces';

/**
 * Words and anchors worth a closer look, as the page may write them (no folding yet): labels,
 * permit anchors and verification claims, in Simplified, Traditional and full-width forms. Every
 * hint is at least two characters long (the scan below relies on it) and at most HINT_SPAN.
 */
export const HINTS = [
  '[执執證证亮]照', '代[码碼]', '[注註][册冊][号號]', '[税稅][号號]', '[纳納][税稅]', '[许許]可', '[备備]案', '[资資][格质質]', '批准[证證]', '登[记記][证證]',
  'ICP', 'ＩＣＰ', 'icp', '[网網][食文械安监監络絡出药藥警]', '公安', '公[网網]', '工商', '[红紅]盾', '[经經][营營]性', '械[经經]', '新出', '所有者', '主[办辦]', '可信',
  '[诚誠]信', '信用', '公示', '[档檔]案', 'icen', 'ICEN', '[JＪjｊSＳsｓ][YＹyｙCＣcｃPＰpｐ][\\s\\u200B]{0,16}[0-9０-９]', '[ABＡＢ][12１２][\\s\\u200B]{0,16}[.、,·\\-－—]', '[国國][AＡBＢCＣ]',
  // 京市演587号, 沪市文旅演(经)00-2253: performance licences whose label a page may leave out.
  '[市文旅]演',
  // A bracketed province, (京) of (京)-经营性-…: the one hint whose second character can be anything.
  `[(（](?:[${ALL_ABBREVIATIONS}]|[^)）]{2})[)）]`,
];

/** alt/title/aria-label values and link parameters that deserve a closer look. */
export const ATTR_HINT = /\d{4}|[０-９]{4}|[执執證证亮]照|[资資][质質]|[红紅]盾|工商|[备備档檔]案|[网網]安|可信|[诚誠]信|[许許]可|信用|公示|licen[cs]e/i;
export const PARAM_HINT = /(?:serial|uniscid|creditcode|uscc|shxydm|regno|code)=/i;

/** Does an href or an alt/title/aria-label value deserve a closer look? */
export function attributeHint(href: string, text: string): boolean {
  return PARAM_HINT.test(href) || (text.length > 2 && ATTR_HINT.test(text));
}

const ANY_HINT = new RegExp(HINTS.join('|'));
/**
 * Four digits in a row (a piece of a number a page renders span by span), or six digits with glue
 * between them (a spaced code): every USCC the digit-run reader accepts has one of these.
 */
const DIGITS = /[0-9０-９]{4}|[0-9０-９](?:[ \t\n\r\u00a0\u3000\u00ad\u200b-\u200d\u2060\ufeff]{1,3}[0-9０-９]|[0-9０-９]){5}/;

/**
 * Could this text hold a hint or a piece of an identifier? A cheap test with the browser's own
 * regex engine, for deciding whether a change of the page deserves a rescan: true whenever the
 * hint scan would find something (tested), and for more (four digits in a row) — a rescan too many
 * costs a little time, a change missed costs a verdict.
 */
export function mayHoldHint(text: string): boolean {
  return ANY_HINT.test(text) || DIGITS.test(text);
}

/** Elements whose attributes can hold a hint the text does not show. */
const ATTRIBUTE_ELEMENTS = '[alt],[title],[aria-label],a[href*="="],area[href*="="],iframe';

/**
 * Could this added, removed or changed node alter the verdict (mayHoldHint on its text; an
 * attribute hint, a frame or a shadow host under it)? A ticking countdown or a swapped price cannot.
 */
export function subtreeMayHoldHints(node: Node): boolean {
  if (node.nodeType === 3 || node.nodeType === 4) return mayHoldHint((node as CharacterData).data);
  if (node.nodeType !== 1 && node.nodeType !== 11) return false;
  const el = node as Element;
  if (mayHoldHint(el.textContent ?? '')) return true;
  const all = [el, ...Array.from(el.querySelectorAll(ATTRIBUTE_ELEMENTS))];
  return all.some((x) => {
    if (x.nodeType !== 1) return false;
    if (x.tagName === 'IFRAME' || (x as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) return true;
    return attributeHint(x.getAttribute('href') ?? '', `${x.getAttribute('alt') ?? ''} ${x.getAttribute('title') ?? ''} ${x.getAttribute('aria-label') ?? ''}`);
  });
}
