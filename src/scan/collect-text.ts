import { normalizeText } from '../identifiers/normalize';

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
/** Attribute values are only kept when they could hold an identifier or a claim. */
const ATTR_INTEREST = /\d{4}|亮照|执照|執照|红盾|紅盾|工商|备案|備案|网安|網安|可信|诚信|誠信|许可|許可|信用/;
const ATTRS = ['alt', 'title', 'aria-label'] as const;

export interface CollectOptions {
  /** Elements to leave out (our own panel). */
  skip?: (element: Element) => boolean;
  /** Also walk same-origin iframes (browser only). */
  frames?: boolean;
}

/**
 * Walks a subtree (and open shadow roots, and same-origin frames when asked) without recursion,
 * so a hostile page with a very deep tree cannot overflow the stack.
 */
export function collectText(root: Node, options: CollectOptions = {}): PageText {
  const texts: string[] = [];
  const norms: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const attributes: PageText['attributes'] = [];
  const links: PageLink[] = [];
  let length = 0;
  let last = '\n';
  const openLinks: { link: PageLink; element: Element }[] = [];

  // Text is folded node by node, so that the '\n' and '\t' we insert stay the only ones.
  const push = (s: string, folded = s) => {
    texts.push(s);
    norms.push(folded);
    length += s.length;
    last = folded[folded.length - 1]!;
  };
  const separate = (sep: '\n' | '\t') => {
    if (last !== '\n' && last !== sep) push(sep);
  };

  // Explicit stack of [node, leaving?] pairs.
  const stack: (Node | Element[])[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (Array.isArray(item)) {
      // Leaving an element.
      const el = item[0]!;
      const tag = el.tagName;
      if (BLOCK.has(tag)) separate('\n');
      else if (CELL.has(tag)) separate('\t');
      const top = openLinks[openLinks.length - 1];
      if (top && top.element === el) {
        top.link.end = length;
        openLinks.pop();
      }
      continue;
    }
    const node = item;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length) {
        nodes.push(node as Text);
        starts.push(length);
        push(data, normalizeText(data));
      }
      continue;
    }
    if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) {
        if (tag === 'IFRAME' && options.frames) pushFrame(el, stack);
        continue;
      }
      if (options.skip?.(el)) continue;
      if (tag === 'BR') {
        push(' ');
        continue;
      }
      if (BLOCK.has(tag)) separate('\n');
      else if (CELL.has(tag)) separate('\t');
      if (el.hasAttributes()) readAttributes(el, tag, attributes, openLinks, links, length);
      stack.push([el]);
      const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      // Children are pushed in reverse so they pop in document order; a shadow root renders
      // instead of light children (slots aside), but both can hold text a user sees.
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      if (shadow) stack.push(shadow);
      continue;
    }
    if (type === 9 || type === 11) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  for (const open of openLinks) open.link.end = length;
  return { text: texts.join(''), norm: norms.join(''), nodes, starts, attributes, links };
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

function pushFrame(frame: Element, stack: (Node | Element[])[]): void {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    if (doc?.body) stack.push(doc.body);
  } catch {
    // Cross-origin frame: not ours to read.
  }
}
