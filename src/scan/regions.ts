import { ScanBudget } from './budget';
import { HintScanner } from './hint-scan';
import { ATTR_HINT, PARAM_HINT } from './hint-words';

/**
 * The fast path. Walking every node of a 50,000-node page with the structure-aware collector
 * costs far more than reading its text, and almost all of a shop page is product text with nothing
 * to find. So: read the text nodes once as the browser hands them over, find the few places that
 * could hold an identifier, a label or a claim (in any width, Simplified or Traditional), and walk
 * only the small regions around them with the full collector.
 */
export { hintOffsets } from './hint-scan';

/** Element and attribute hints that the text cannot show. */
// One simple query per attribute: a selector list costs every element of the page one test per
// entry and defeats the engine's fast paths (measured in Chromium on a 60,000-node page:
// [alt] 0.9 ms, [title] 0.8, [aria-label] 0.7, the four queries 2.8 ms against 3.6 ms for the
// list, and "img[alt],area[alt],input[alt]" alone 1.8 ms). A regex then runs on the values.
const ATTRIBUTES = ['alt', 'title', 'aria-label'] as const;
const LINK_SELECTOR = 'a[href*="="],area[href*="="]';

/** A list or grid: stop climbing at its item, or one region would swallow the whole page. */
const BIG_PARENT = 12;
const MAX_CLIMB = 6;

/** NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION (NodeFilter is not global in node). */
const SHOW_TEXT = 0x4 | 0x8;
/** Text never shown, which the full reader skips too: not worth scanning when long. */
const RAW_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);
const LONG_TEXT = 64;
/** Nodes (or attribute values) looked at between two looks at the budget. */
const BUDGET_NODES = 1024;

/**
 * Groups of sibling nodes to walk in full: around every hint, every interesting alt/title, every
 * link carrying parameters. Returns null when the fast path does not apply (the caller walks all).
 */
export function regionsOf(base: Element, budget = ScanBudget.unlimited()): Node[][] | null {
  const anchors = textAnchors(base, budget);
  for (const a of attributeAnchors(base, budget)) anchors.push(a);
  return groupRegions(anchors.map((a) => regionOf(a, base)), base);
}

/**
 * The elements whose text holds a hint. The text nodes are handed to the hint scan one by one, in
 * the order textContent would join them: the browser's NodeIterator gives a 60,000-node page's
 * text nodes in a few milliseconds without building a string (textContent of the same page costs
 * about 9 ms), and the scan then knows which node each hint is in.
 */
function textAnchors(base: Element, budget: ScanBudget): Element[] {
  const scanner = new HintScanner<Node>();
  const nodes = base.ownerDocument.createNodeIterator(base, SHOW_TEXT);
  const more = budget.every(BUDGET_NODES);
  for (let node = nodes.nextNode(); node && more(); node = nodes.nextNode()) {
    const data = (node as CharacterData).data;
    if (data.length > LONG_TEXT && RAW_TEXT.has(node.parentElement?.tagName ?? '')) continue;
    scanner.add(data, node);
  }
  const offsets = scanner.finish();
  const out: Element[] = [];
  for (const node of scanner.ownersAt(offsets)) {
    const parent = node.parentElement;
    if (parent) out.push(parent);
  }
  return out;
}

/** Elements with an alt, title or aria-label worth reading, and links carrying parameters. */
function attributeAnchors(base: Element, budget: ScanBudget): Element[] {
  const out: Element[] = [];
  const more = budget.every(BUDGET_NODES);
  for (const name of ATTRIBUTES) {
    const found = base.querySelectorAll(`[${name}]`);
    for (let i = 0; i < found.length && more(); i++) {
      const v = found[i]!.getAttribute(name) ?? '';
      if (v.length > 1 && ATTR_HINT.test(v)) out.push(found[i]!);
    }
  }
  const links = base.querySelectorAll(LINK_SELECTOR);
  for (let i = 0; i < links.length && more(); i++) {
    if (PARAM_HINT.test(links[i]!.getAttribute('href') ?? '')) out.push(links[i]!);
  }
  return out;
}

/** Siblings taken on each side when a region stops at an item of a list or of the page itself. */
const NEIGHBOURS = 3;

function regionOf(el: Element, base: Element): Node[] {
  let cur = el;
  for (let steps = 0; steps < MAX_CLIMB && cur !== base; steps++) {
    const parent = cur.parentElement;
    if (!parent) break;
    if (parent === base || hasMoreChildren(parent, BIG_PARENT)) {
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

/**
 * Has the element more than `n` element children? Counted up to n + 1 only: childElementCount
 * counts them all, and asking it once per hint in a list of thousands of items made the climb cost
 * the square of the list (issue 15).
 */
function hasMoreChildren(el: Element, n: number): boolean {
  let count = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (++count > n) return true;
  return false;
}

/** Has at most SMALL nodes: a line or a card, not the page's main column. */
const SMALL = 60;
function isSmall(el: Element): boolean {
  // Counted as they are found, so that a list of 3,000 items is given up after 60, not read.
  let count = 1;
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (++count > SMALL) return false;
      stack.push(c);
    }
  }
  return true;
}

/**
 * Drops regions inside other regions and merges duplicates, in document order. The order comes from
 * one walk that enters only the ancestors of regions (marked first, each once) and skips the inside
 * of every region kept, not from sorting with compareDocumentPosition: each comparison climbs to a
 * common ancestor (in linkedom it walks a whole child list, and orders by depth rather than by
 * position), so sorting thousands of regions cost far more than this walk (issue 15).
 */
function groupRegions(regions: Node[][], base: Element): Node[][] {
  const wanted = new Set<Node>();
  for (const r of regions) for (const n of r) wanted.add(n);
  if (!wanted.size) return [];
  if (wanted.has(base)) return [[base]];
  const onTheWay = new Set<Node>();
  for (const n of wanted) {
    for (let up = n.parentNode; up && up !== base && !onTheWay.has(up); up = up.parentNode) onTheWay.add(up);
  }
  const kept: Element[] = [];
  let node: Element | null = base.firstElementChild;
  while (node) {
    if (wanted.has(node)) {
      kept.push(node);
      node = nextOutside(node, base);
    } else node = (onTheWay.has(node) && node.firstElementChild) || nextOutside(node, base);
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

/** The next element in document order after `el` and everything inside it, within `base`; null at the end. */
function nextOutside(el: Element, base: Element): Element | null {
  for (let cur: Element | null = el; cur && cur !== base; cur = cur.parentElement) {
    const next = cur.nextElementSibling;
    if (next) return next;
  }
  return null;
}
