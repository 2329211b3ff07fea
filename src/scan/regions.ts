import { checkOrgcode, checkUscc, isIdCardNumber } from '../identifiers/checks';
import { NEGATIVE_LABEL } from '../identifiers/labels';
import { normalizeText } from '../identifiers/normalize';

/**
 * The fast path. Walking every node of a 50,000-node page in JavaScript costs far more than the
 * browser's native `textContent`, and almost all of a shop page is product text with nothing to
 * find. So: read the native text once, find the few places that could hold an identifier, a label
 * or a claim (in any width, Simplified or Traditional), and walk only the small regions around
 * them with the full structure-aware collector.
 */

/**
 * Words and anchors worth a closer look, as the page may write them (no folding yet). Grouped so
 * that the regex engine can skip most characters quickly: one pass over 2 MB costs about as much
 * as one of the naive way's regexes.
 */
const HINT = new RegExp(
  [
    '[执執證证亮]照', '代[码碼]|[注註][册冊][号號]|[税稅][号號]|[纳納][税稅]', '[许許]可|[备備]案|[资資][格质質]|批准[证證]|登[记記][证證]',
    'ICP|ＩＣＰ|icp|[网網][食文械安监監络絡]|公安|工商|[红紅]盾', '[经經][营營]性|械[经經]|新出|所有者|主[办辦]|可信|[诚誠]信|信用',
    '[JＪjｊSＳsｓ][YＹyｙCＣcｃ][\\s\\u200B]*[0-9０-９]|[ABＡＢ][12１２][\\s\\u200B]*[.、,·\\-－—]|[国國][AＡBＢCＣ]', '[(（][^)）]{1,2}[)）]',
  ].join('|'),
  'g',
);
/** Every USCC has six digits in a row (its division code), perhaps with spaces or invisibles. */
const DIGIT_RUN = /[0-9０-９][0-9０-９\s\u00AD\u200B-\u200D\u2060\uFEFF]{5,}/g;
const RUN_CHAR = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\s\u00AD\u200B-\u200D\u2060\uFEFF\-－]/;
const GLUE = /[\s\u00AD\u200B-\u200D\u2060\uFEFF\-－]/g;
const DIGITS = /[0-9０-９]/g;

/** Offsets in `text` worth walking: hints, and runs holding a window that passes every USCC check. */
export function hintOffsets(text: string): number[] {
  const out: number[] = [];
  HINT.lastIndex = 0;
  for (let m = HINT.exec(text); m; m = HINT.exec(text)) out.push(m.index);
  DIGIT_RUN.lastIndex = 0;
  let done = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    // Widen to the whole run of letters, digits and glue around the digits (bounded).
    let from = m.index;
    while (from > done && m.index - from < 24 && RUN_CHAR.test(text[from - 1]!)) from--;
    const end = m.index + m[0].length;
    let to = end;
    while (to < text.length && to - end < 24 && RUN_CHAR.test(text[to]!)) to++;
    done = to;
    DIGIT_RUN.lastIndex = Math.max(DIGIT_RUN.lastIndex, to);
    const run = text.slice(from, to);
    if ((run.match(DIGITS)?.length ?? 0) < 7) continue;
    // An order or tracking number right after its label is not worth a look (most pages have many).
    if (NEGATIVE_LABEL.test(normalizeText(text.slice(Math.max(0, from - 12), from)))) continue;
    if (hasUsccWindow(normalizeText(run.replace(GLUE, '')))) out.push(from);
  }
  return out.sort((a, b) => a - b);
}

function hasUsccWindow(compact: string): boolean {
  for (let i = 0; i + 18 <= compact.length; i++) {
    const w = compact.slice(i, i + 18);
    if (!checkUscc(w).length && !checkOrgcode(w.slice(8, 17)).length && !isIdCardNumber(w)) return true;
  }
  return false;
}

/** Element and attribute hints that `textContent` cannot see. */
const ATTR_HINT = /\d{4}|[０-９]{4}|亮照|[执執]照|[红紅]盾|工商|[备備]案|[网網]安|可信|[诚誠]信|[许許]可|信用/;
const PARAM_HINT = /(?:serial|uniscid|creditcode|uscc|shxydm|regno|code)=/i;

/** A list or grid: stop climbing at its item, or one region would swallow the whole page. */
const BIG_PARENT = 12;
const MAX_CLIMB = 6;

/**
 * Groups of sibling nodes to walk in full: around every hint, every interesting alt/title, every
 * link carrying parameters. Returns null when the fast path does not apply (the caller walks all).
 */
export function findRegions(base: Element): Node[][] | null {
  const text = base.textContent ?? '';
  const offsets = hintOffsets(text);
  const anchors: Element[] = [];
  const lengths = new Map<Node, number>();
  for (const offset of offsets) {
    const el = elementAt(base, offset, text.length, lengths);
    if (el === undefined) return null;
    if (el) anchors.push(el);
  }
  for (const el of base.querySelectorAll('[alt],[title],[aria-label]')) {
    const v = `${el.getAttribute('alt') ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (ATTR_HINT.test(v)) anchors.push(el);
  }
  for (const el of base.querySelectorAll('a[href*="="],area[href*="="]')) {
    if (PARAM_HINT.test(el.getAttribute('href') ?? '')) anchors.push(el);
  }
  return groupRegions(anchors.map((a) => regionOf(a, base)), base);
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
  let node = root;
  let off = offset;
  let len = total;
  for (let depth = 0; depth < 256; depth++) {
    if (node.nodeType === 3 || node.nodeType === 4) return node.parentElement;
    const first = node.firstChild;
    if (!first) return undefined;
    if (len <= LEAF_TEXT || first === node.lastChild) {
      if (first === node.lastChild && len > LEAF_TEXT) {
        node = first;
        continue;
      }
      for (let c: Node | null = first; c; c = c.nextSibling) {
        const l = textLength(c, cache);
        if (off < l) {
          node = c;
          len = l;
          break;
        }
        off -= l;
        if (!c.nextSibling) return undefined;
      }
      continue;
    }
    if (off < len / 2) {
      for (let c: Node | null = first; c; c = c.nextSibling) {
        const l = textLength(c, cache);
        if (off < l) {
          node = c;
          len = l;
          break;
        }
        off -= l;
        if (!c.nextSibling) return undefined;
      }
    } else {
      let rest = len - off;
      for (let c: Node | null = node.lastChild; c; c = c.previousSibling) {
        const l = textLength(c, cache);
        if (rest <= l) {
          node = c;
          off = l - rest;
          len = l;
          break;
        }
        rest -= l;
        if (!c.previousSibling) return undefined;
      }
    }
  }
  return undefined;
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
