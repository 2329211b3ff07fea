import { USCC_ALPHABET, checkOrgcode, checkUscc, isIdCardNumber } from '../identifiers/checks';

/**
 * The fast path. Walking every node of a 50,000-node page in JavaScript costs far more than the
 * browser's native `textContent`, and almost all of a shop page is product text with nothing to
 * find. So: read the native text once, find the few places that could hold an identifier, a label
 * or a claim (in any width, Simplified or Traditional), and walk only the small regions around
 * them with the full structure-aware collector.
 */

/**
 * Words and anchors worth a closer look, as the page may write them (no folding yet): labels,
 * permit anchors and verification claims, in Simplified, Traditional and full-width forms.
 */
const HINTS = [
  '[执執證证亮]照', '代[码碼]', '[注註][册冊][号號]', '[税稅][号號]', '[纳納][税稅]', '[许許]可', '[备備]案', '[资資][格质質]', '批准[证證]', '登[记記][证證]',
  'ICP', 'ＩＣＰ', 'icp', '[网網][食文械安监監络絡]', '公安', '工商', '[红紅]盾', '[经經][营營]性', '械[经經]', '新出', '所有者', '主[办辦]', '可信',
  '[诚誠]信', '信用', '公示', '[档檔]案', 'icen', 'ICEN', '[JＪjｊSＳsｓ][YＹyｙCＣcｃ][\\s\\u200B]*[0-9０-９]', '[ABＡＢ][12１２][\\s\\u200B]*[.、,·\\-－—]', '[国國][AＡBＢCＣ]', '[(（][^)）]{1,2}[)）]',
];
const HINT_AT = new RegExp(HINTS.join('|'), 'y');

/**
 * Character classes for the scanning loop: 1 digit, 2 glue inside a number, 4 a character some
 * hint starts with. One table lookup per character is several times cheaper than a regex with
 * thirty alternatives tried at every position of a 2 MB text. Common characters that start a hint
 * (新 of 新出发) are filtered further by the hint's first two characters before the regex runs.
 */
const CLASS = new Uint8Array(0x10000);
/** First·second character pairs of the hints, as c1 * 65536 + c2. */
const PAIRS = new Set<number>();
/** First characters after which anything may follow (the regex decides). */
const ANY_SECOND = new Uint8Array(0x10000);
(() => {
  for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1;
  for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] = 1;
  for (const g of ' \t\n\r\u00a0\u3000\u00ad\u200b\u200c\u200d\u2060\ufeff') CLASS[g.charCodeAt(0)] = 2;
  const atom = (h: string, at: number): [string | null, number] => {
    if (at >= h.length) return [null, at];
    if (h[at] !== '[') return [h[at]!, at + 1];
    const close = h.indexOf(']', at);
    const body = h.slice(at + 1, close);
    return [body.startsWith('^') ? null : body, close + 1];
  };
  for (const h of HINTS) {
    const [firsts, next] = atom(h, 0);
    const [seconds] = atom(h, next);
    for (const a of firsts!) {
      const ca = a.charCodeAt(0);
      CLASS[ca]! |= 4;
      if (!seconds) ANY_SECOND[ca] = 1;
      else for (const b of seconds) PAIRS.add(ca * 65536 + b.charCodeAt(0));
    }
  }
})();
/** Letters, digits (any width) and the glue a disguised code may hold. */
const RUN_CHARS = (() => {
  const t = new Uint8Array(0x10000);
  const ranges: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a], [0x200b, 0x200d]];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) t[c] = 1;
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000, 0xad, 0x2060, 0xfeff, 0x2d, 0xff0d]) t[c] = 1;
  return t;
})();

/** Offsets in `text` worth walking: hints, and runs holding a window that passes every USCC check. */
export function hintOffsets(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!(CLASS[c]! & 4) || !(ANY_SECOND[c] || PAIRS.has(c * 65536 + text.charCodeAt(i + 1)))) continue;
    HINT_AT.lastIndex = i;
    if (HINT_AT.test(text)) out.push(i);
  }
  // Every USCC has six digits in a row (its division code), perhaps glued by spaces or invisibles;
  // a simple class is what the regex engine scans fastest.
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    for (const offset of usccRun(text, m.index, m.index + m[0].length)) out.push(offset);
  }
  return out.sort((a, b) => a - b);
}

// Bounded: a page's numbers joined by whitespace in textContent must not become one huge run
// (windows across a chunk boundary are still seen: widening reaches back past it).
const DIGIT_RUN = /[0-9０-９](?:[0-9０-９]|[ \t\n\r\u00a0\u3000\u00ad\u200b-\u200d\u2060\ufeff]{1,3}(?=[0-9０-９])){5,47}/g;

/** Widens a digit run to its letters and glue; where real codes start in it. */
function usccRun(text: string, start: number, end: number): number[] {
  let from = start;
  while (from > 0 && start - from < 24 && RUN_CHARS[text.charCodeAt(from - 1)]) from--;
  let to = end;
  while (to < text.length && to - end < 24 && RUN_CHARS[text.charCodeAt(to)]) to++;
  // Most long numbers on a page are order, tracking or item numbers: rule them out cheaply first.
  const { codes, at } = compactRun(text, from, to);
  // Each window's own start: the run may begin in the previous element (textContent joins them).
  // No "order number" check here: textContent loses the block boundary that the full reader sees
  // between a label and a code in the next paragraph, so only the full reader may decide that.
  return usccWindows(codes).map((w) => at[w]!);
}

/** Letters and digits of text[from, to), half-width and upper case, without glue: codes and offsets. */
function compactRun(text: string, from: number, to: number): { codes: number[]; at: number[] } {
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
  return { codes, at };
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

/** Element and attribute hints that `textContent` cannot see. */
// A long selector list (one entry per word) costs every element of a 200,000-node page dozens of
// checks; three attribute tests and a regex on the few elements that have them is cheaper.
const ATTR_SELECTOR = '[alt],[title],[aria-label]';
const ATTR_HINT = /\d{4}|[０-９]{4}|[执執證证亮]照|[资資][质質]|[红紅]盾|工商|[备備档檔]案|[网網]安|可信|[诚誠]信|[许許]可|信用|公示|licen[cs]e/i;
const PARAM_HINT = /(?:serial|uniscid|creditcode|uscc|shxydm|regno|code)=/i;

/** A list or grid: stop climbing at its item, or one region would swallow the whole page. */
const BIG_PARENT = 12;
const MAX_CLIMB = 6;

/** Attributes and links in one selector: one pass of the browser's selector engine, not two. */
const ANCHOR_SELECTOR = `${ATTR_SELECTOR},a[href*="="],area[href*="="]`;
/** Work done between two chances to stop (see scan-steps). */
const OFFSETS_PER_STEP = 64;
const ELEMENTS_PER_STEP = 4096;

/**
 * Groups of sibling nodes to walk in full: around every hint, every interesting alt/title, every
 * link carrying parameters. Returns null when the fast path does not apply (the caller walks all).
 * A generator, so that the content script can stop between steps and give the page its turn.
 */
export function* regionSteps(base: Element): Generator<void, Node[][] | null, void> {
  const text = base.textContent ?? '';
  yield;
  const offsets = hintOffsets(text);
  yield;
  const anchors: Element[] = [];
  const lengths = new Map<Node, number>();
  for (let i = 0; i < offsets.length; i++) {
    if (i % OFFSETS_PER_STEP === OFFSETS_PER_STEP - 1) yield;
    const el = elementAt(base, offsets[i]!, text.length, lengths);
    if (el === undefined) return null;
    if (el) anchors.push(el);
  }
  const candidates = base.querySelectorAll(ANCHOR_SELECTOR);
  yield;
  for (let i = 0; i < candidates.length; i++) {
    if (i % ELEMENTS_PER_STEP === ELEMENTS_PER_STEP - 1) yield;
    const el = candidates[i]!;
    const tag = el.tagName;
    if ((tag === 'A' || tag === 'AREA') && PARAM_HINT.test(el.getAttribute('href') ?? '')) {
      anchors.push(el);
      continue;
    }
    const v = `${el.getAttribute('alt') ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (v.length > 2 && ATTR_HINT.test(v)) anchors.push(el);
  }
  yield;
  return groupRegions(anchors.map((a) => regionOf(a, base)), base);
}

/**
 * Could this subtree (added to or removed from the page) change a verdict? Its text holds a hint,
 * or it has an attribute or link worth reading, or a frame or shadow root the text cannot show.
 * Lets the content script skip a rescan when a page only ticks a countdown or swaps a price.
 */
export function subtreeHasHints(node: Node): boolean {
  if (node.nodeType === 3 || node.nodeType === 4) return hintOffsets((node as CharacterData).data).length > 0;
  if (node.nodeType !== 1 && node.nodeType !== 11) return false;
  const el = node as Element;
  if (hintOffsets(el.textContent ?? '').length) return true;
  const all = [el, ...Array.from(el.querySelectorAll(`${ANCHOR_SELECTOR},iframe`))];
  if (el.nodeType === 1 && el.tagName === 'IFRAME') return true;
  return all.some((x) => {
    if (x.nodeType !== 1) return false;
    if (x.tagName === 'IFRAME' || (x as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) return true;
    return attributeHint(x.getAttribute('href') ?? '', `${x.getAttribute('alt') ?? ''} ${x.getAttribute('title') ?? ''} ${x.getAttribute('aria-label') ?? ''}`);
  });
}

/** Does an href or an alt/title/aria-label value deserve a closer look? */
export function attributeHint(href: string, text: string): boolean {
  return PARAM_HINT.test(href) || (text.length > 2 && ATTR_HINT.test(text));
}

/** Below this much text, a subtree is searched node by node. */
const LEAF_TEXT = 4096;

function textLength(node: Node, cache: Map<Node, number>): number {
  const type = node.nodeType;
  if (type === 3 || type === 4) return (node as CharacterData).data.length;
  if (type !== 1) return 0;
  let n = cache.get(node);
  if (n === undefined) cache.set(node, (n = node.textContent?.length ?? 0));
  return n;
}

/**
 * The element holding `offset` of `root.textContent`, found by descending through children and
 * measuring them with the browser's own textContent (from whichever end is nearer), so that
 * finding a hint in the footer of a 50,000-node page does not walk the page. Returns undefined
 * when the DOM's text and textContent disagree.
 */
function elementAt(root: Node, offset: number, total: number, cache: Map<Node, number>): Element | null | undefined {
  let at: Step | null = [root, offset, total];
  for (let depth = 0; at && depth < 256; depth++) {
    const [node, off, len]: Step = at;
    if (node.nodeType === 3 || node.nodeType === 4) return node.parentElement;
    const first: Node | null = node.firstChild;
    if (!first) return undefined;
    // An only child holds all of its parent's text: no need to measure it.
    if (first === node.lastChild) at = [first, off, len];
    else at = len <= LEAF_TEXT || off < len / 2 ? fromFirst(first, off, cache) : fromLast(node.lastChild!, len - off, cache);
  }
  return undefined;
}

/** A node, an offset into its text, and its text length. */
type Step = [Node, number, number];

function fromFirst(first: Node, off: number, cache: Map<Node, number>): Step | null {
  for (let c: Node | null = first; c; c = c.nextSibling) {
    const l = textLength(c, cache);
    if (off < l) return [c, off, l];
    off -= l;
  }
  return null;
}

/** `rest` characters from the end: the child that holds the offset, counted from the last child. */
function fromLast(last: Node, rest: number, cache: Map<Node, number>): Step | null {
  for (let c: Node | null = last; c; c = c.previousSibling) {
    const l = textLength(c, cache);
    if (rest <= l) return [c, l - rest, l];
    rest -= l;
  }
  return null;
}

/** Siblings taken on each side when a region stops at an item of a list or of the page itself. */
const NEIGHBOURS = 3;

function regionOf(el: Element, base: Element): Node[] {
  let cur = el;
  for (let steps = 0; steps < MAX_CLIMB && cur !== base; steps++) {
    const parent = cur.parentElement;
    if (!parent) break;
    if (parent === base || parent.childElementCount > BIG_PARENT) {
      // An item of a long list, or a line of a flat page: its neighbours may hold the label, the
      // value or the rest of a license card.
      const out: Element[] = [cur];
      for (let i = 0, p = cur.previousElementSibling; i < NEIGHBOURS && p && isSmall(p); i++, p = p.previousElementSibling) out.unshift(p);
      for (let i = 0, n = cur.nextElementSibling; i < NEIGHBOURS && n && isSmall(n); i++, n = n.nextElementSibling) out.push(n);
      return out;
    }
    cur = parent;
  }
  return [cur];
}

/** Has at most SMALL nodes: a line or a card, not the page's main column. */
const SMALL = 60;
function isSmall(el: Element): boolean {
  let count = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (++count > SMALL) return false;
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return true;
}

/** Drops regions inside other regions and merges duplicates, in document order. */
function groupRegions(regions: Node[][], base: Element): Node[][] {
  const seen = new Set<Node>();
  const flat: Node[] = [];
  for (const r of regions) {
    for (const n of r) {
      if (seen.has(n)) continue;
      seen.add(n);
      flat.push(n);
    }
  }
  const FOLLOWING = 4;
  flat.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  const kept: Node[] = [];
  for (const n of flat) {
    const last = kept[kept.length - 1];
    if (last && (last === base || last.contains(n))) continue;
    kept.push(n);
  }
  // Consecutive siblings form one region, so a label in one item still reaches a value in the next.
  const groups: Node[][] = [];
  for (const n of kept) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && (prev as Element).nextElementSibling === n) g.push(n);
    else groups.push([n]);
  }
  return groups;
}
