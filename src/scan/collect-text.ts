import { normalizeText } from '../identifiers/normalize';
import type { ScanBudget } from './budget';

/**
 * The page flattened to one string, the way a reader sees it: inline elements join (so a number
 * split over <span>s is whole again), block elements are separated by '\n' and table cells by '\t'.
 * `text` is what the page wrote (for evidence); `norm` is the same length, folded for matching.
 */
export interface PageText {
  text: string;
  norm: string;
  /** Text nodes in document order, and the offset in `text` where each starts. */
  nodes: Text[];
  starts: number[];
  /** alt / title / aria-label values worth scanning, with their element. */
  attributes: { element: Element; name: string; value: string }[];
  /** Links, with the span of `text` their content covers and the alt/title of their images. */
  links: PageLink[];
}

export interface PageLink {
  element: Element;
  href: string;
  start: number;
  end: number;
  /** alt/title/aria-label of the link and of images inside it. */
  attrText: string;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'CANVAS', 'OBJECT', 'IFRAME', 'HEAD', 'VIDEO', 'AUDIO', 'MATH']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
  'CAPTION', 'LEGEND', 'BUTTON', 'OPTGROUP',
]);
const CELL = new Set(['TD', 'TH']);
const RAW_BREAKS = /[\n\t\r]/;
const RAW_BREAKS_ALL = /[\n\t\r]/g;
/** Attribute values are only kept when they could hold an identifier or a claim. */
const ATTR_INTEREST = /\d{4}|亮照|执照|執照|红盾|紅盾|工商|备案|備案|网安|網安|可信|诚信|誠信|许可|許可|信用/;
const ATTRS = ['alt', 'title', 'aria-label'] as const;

export interface CollectOptions {
  /** Elements to leave out (our own panel). */
  skip?: (element: Element) => boolean;
  /** Also walk same-origin iframes (browser only). */
  frames?: boolean;
  /** How long the scan may read: the walk stops where it is once it is spent (see budget.ts). */
  budget?: ScanBudget;
}

/** Nodes walked between two looks at the budget. */
const BUDGET_NODES = 4096;

/**
 * Walks a subtree (and open shadow roots, and same-origin frames when asked) without recursion,
 * so a hostile page with a very deep tree cannot overflow the stack.
 */
export function collectText(roots: Node | readonly Node[], options: CollectOptions = {}): PageText {
  const texts: string[] = [];
  const spaced: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const attributes: PageText['attributes'] = [];
  const links: PageLink[] = [];
  let length = 0;
  let last = '\n';
  const openLinks: { link: PageLink; element: Element }[] = [];

  // The page's own line breaks and tabs become spaces in the matching copy, so that the '\n' and
  // '\t' we insert are the only structure the patterns see.
  const push = (s: string, forMatching = s) => {
    texts.push(s);
    spaced.push(forMatching);
    length += s.length;
    last = forMatching[forMatching.length - 1]!;
  };
  const separate = (sep: '\n' | '\t') => {
    if (last !== '\n' && last !== sep) push(sep);
  };

  // Iterative walk with one entry per open level: the next node to visit there, and the element
  // to leave when the level is done (null for shadow roots and documents). Only firstChild and
  // nextSibling are used: cheap in every DOM implementation.
  const nexts: (Node | null)[] = [];
  const exits: (Element | null)[] = [];
  const enterChildren = (first: Node | null, exit: Element | null) => {
    nexts.push(first);
    exits.push(exit);
  };
  const leave = (el: Element) => {
    const tag = upper(el.tagName);
    if (BLOCK.has(tag)) separate('\n');
    else if (CELL.has(tag)) separate('\t');
    const top = openLinks[openLinks.length - 1];
    if (top && top.element === el) {
      top.link.end = length;
      openLinks.pop();
    }
  };
  const visit = (node: Node) => {
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length) {
        nodes.push(node as Text);
        starts.push(length);
        push(data, RAW_BREAKS.test(data) ? data.replace(RAW_BREAKS_ALL, ' ') : data);
      }
      return;
    }
    if (type === 1) {
      const el = node as Element;
      const tag = upper(el.tagName);
      if (SKIP.has(tag)) {
        if (tag === 'IFRAME' && options.frames) pushFrame(el, enterChildren);
        return;
      }
      if (options.skip?.(el)) return;
      if (tag === 'BR') {
        push(' ');
        return;
      }
      if (BLOCK.has(tag)) separate('\n');
      else if (CELL.has(tag)) separate('\t');
      if (el.hasAttributes()) readAttributes(el, tag, attributes, openLinks, links, length);
      enterChildren(el.firstChild, el);
      // A shadow root renders in place of the light children (slots aside); read it first.
      const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (shadow) enterChildren(shadow.firstChild, null);
      return;
    }
    // Start documents at their root element: some DOMs (linkedom) lose the doctype's nextSibling.
    if (type === 9) enterChildren((node as Document).documentElement, null);
    else if (type === 11) enterChildren(node.firstChild, null);
  };

  const more = options.budget?.every(BUDGET_NODES) ?? (() => true);
  for (const root of Array.isArray(roots) ? roots : [roots]) {
    visit(root as Node);
    drain();
    separate('\n');
  }
  function drain() {
    while (nexts.length) {
      if (!more()) {
        // Out of time: what was read so far is the page's text; open elements end here.
        while (nexts.length) {
          nexts.pop();
          const exit = exits.pop();
          if (exit) leave(exit);
        }
        return;
      }
      const top = nexts.length - 1;
      const node = nexts[top];
      if (!node) {
        nexts.pop();
        const exit = exits.pop();
        if (exit) leave(exit);
        continue;
      }
      nexts[top] = node.nextSibling;
      visit(node);
    }
  }
  for (const open of openLinks) open.link.end = length;
  return { text: texts.join(''), norm: normalizeText(spaced.join('')), nodes, starts, attributes, links };
}

/** HTML tag names are upper case already; XHTML and foreign content may not be. */
function upper(tag: string): string {
  const c = tag.charCodeAt(0);
  return c >= 97 && c <= 122 ? tag.toUpperCase() : tag;
}

function readAttributes(
  el: Element,
  tag: string,
  attributes: PageText['attributes'],
  openLinks: { link: PageLink; element: Element }[],
  links: PageLink[],
  offset: number,
): void {
  let attrText = '';
  for (const name of ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length >= 2) {
      attrText += (attrText ? ' ' : '') + value;
      if (value.length >= 6 && ATTR_INTEREST.test(value)) attributes.push({ element: el, name, value });
    }
  }
  if (tag === 'A' || tag === 'AREA') {
    const href = el.getAttribute('href');
    if (href) {
      const link: PageLink = { element: el, href, start: offset, end: offset, attrText };
      links.push(link);
      if (tag === 'A') openLinks.push({ link, element: el });
      return;
    }
  }
  if (attrText) {
    const top = openLinks[openLinks.length - 1];
    if (top) top.link.attrText += (top.link.attrText ? ' ' : '') + attrText;
  }
}

function pushFrame(frame: Element, enter: (first: Node | null, exit: Element | null) => void): void {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    if (doc?.body) enter(doc.body, null);
  } catch {
    // Cross-origin frame: not ours to read.
  }
}
