import { probeOf, type Locator, type PageSnapshot, type SnapshotPart } from '../../src/scan/locator';
import type { Steps } from './slices';
import { MAX_SNAPSHOT_CHARS, MAX_SNAPSHOT_PARTS } from '../protocol/messages';

/**
 * Reading the page for the engine, which runs in an extension document (see
 * extension/background/page-engine.ts), not on the shop page's main thread. What costs the page is
 * only what the browser does natively: serializing its own DOM (outerHTML) and two queries for shadow
 * hosts. A 6,700-element page is one outerHTML call (≈ 2 ms in Chromium on a slow 2-core machine),
 * a 50,000-element one ≈ 10–14 ms; larger elements are split at their children so that no step
 * serializes more than CHUNK_ELEMENTS elements (≈ 25 ms there). Splitting is the exception: one
 * call per child costs about twice as much as one for the whole.
 */
const CHUNK_ELEMENTS = 100_000;

/**
 * Where open shadow roots can be. With no selector for "has a shadow root", asking every element of
 * a large page costs more than the whole snapshot (one JS wrapper per element), so we ask custom
 * elements (their names are in the HTML we just serialized) and, of the built-in elements the DOM
 * lets host a shadow root (attachShadow throws on any other: https://dom.spec.whatwg.org/#dom-element-attachshadow),
 * those without light children (a widget attaching one leaves them so). Empty images, inputs,
 * icons (<i>), table cells and the like can host none, so they are not asked (each one asked is a
 * wrapper made on the page's thread). A built-in host that also has light children is not read.
 */
const SHADOW_CAPABLE = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];
// `:empty` first: it fails at once on almost every element (a list of 18 `tag:empty` selectors
// measured 10× slower than `:empty` alone on a 50,000-element page; this form costs the same).
const EMPTY = `:empty:is(${SHADOW_CAPABLE.join(',')})`;
const CUSTOM_TAG = /<[a-z][a-z0-9._]*-[a-z0-9._-]*/g;

/** A snapshot and, for each part, the node its locators start from. */
export interface TakenSnapshot {
  snapshot: PageSnapshot;
  roots: Node[];
}

export interface SnapshotLimits {
  chunkElements: number;
  maxChars: number;
}
const LIMITS: SnapshotLimits = { chunkElements: CHUNK_ELEMENTS, maxChars: MAX_SNAPSHOT_CHARS };

/** Reads the page in steps (the scheduler runs them in idle-time slices). */
export function* snapshotSteps(doc: Document, skip: (el: Element) => boolean, limits: SnapshotLimits = LIMITS): Steps<TakenSnapshot> {
  const parts: SnapshotPart[] = [];
  const roots: Node[] = [];
  const budget = { left: limits.maxChars, truncated: false };
  const take = (s: string) => {
    if (s.length <= budget.left) {
      budget.left -= s.length;
      return s;
    }
    budget.truncated = true;
    budget.left = 0;
    return '';
  };
  // Documents and shadow roots still to read, with the HTML of each read one (for its custom tags).
  const pending: (Document | ShadowRoot)[] = [doc];
  const seen = new WeakSet<Node>();
  while (pending.length && parts.length < MAX_SNAPSHOT_PARTS && !budget.truncated) {
    const next = pending.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    let html: string;
    let root: ParentNode & Node;
    if (next.nodeType === 9) {
      const d = next as Document;
      const body = d.body;
      const head = take(d.head?.outerHTML ?? '');
      html = body ? take(yield* outerSteps(body, limits.chunkElements)) : '';
      parts.push({ kind: 'document', head, body: html });
      root = body ?? d.documentElement;
      roots.push(root);
      if (!body) continue;
    } else {
      const shadow = next as ShadowRoot;
      html = take(shadow.innerHTML);
      parts.push({ kind: 'shadow', html });
      root = shadow;
      roots.push(root);
    }
    yield;
    for (const host of shadowHosts(root, html)) if (!skip(host)) pending.push(host.shadowRoot!);
    for (const frame of Array.from(root.querySelectorAll('iframe'))) {
      try {
        const inner = frame.contentDocument;
        if (inner) pending.push(inner);
      } catch {
        // Cross-origin frame: not ours to read.
      }
    }
  }
  return { snapshot: { parts, truncated: budget.truncated || pending.length > 0 }, roots };
}

/** The open shadow hosts under `root` (see BUILTIN_HOSTS), given the HTML serialized for it. */
function shadowHosts(root: ParentNode & Node, html: string): Element[] {
  const names = new Set<string>();
  CUSTOM_TAG.lastIndex = 0;
  for (let m = CUSTOM_TAG.exec(html); m; m = CUSTOM_TAG.exec(html)) names.add(m[0].slice(1));
  const hosts: Element[] = [];
  const consider = (el: Element) => {
    if ((el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot) hosts.push(el);
  };
  if (root.nodeType === 1) consider(root as Element);
  // The names matched are letters, digits, '-', '_' and '.'; only '.' needs escaping in a selector.
  const selector = [...[...names].map((n) => n.replace(/\./g, '\\.')), EMPTY].join(',');
  for (const el of Array.from(root.querySelectorAll(selector))) consider(el);
  return hosts;
}

/**
 * `el.outerHTML`, but a very large element is written as its start tag, its children one step each
 * (recursively) and its end tag: the same string, in steps the scheduler can stop between.
 */
function* outerSteps(el: Element, chunk: number): Steps<string> {
  const out: string[] = [];
  yield* writeSteps(el, out, chunk);
  return out.join('');
}

function* writeSteps(el: Element, out: string[], chunk: number): Steps<void> {
  if (el.getElementsByTagName('*').length < chunk || el.localName === 'template') {
    out.push(el.outerHTML);
    return;
  }
  let start = `<${el.localName}`;
  for (const a of Array.from(el.attributes)) start += ` ${a.name}="${escapeAttribute(a.value)}"`;
  out.push(start + '>');
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) yield* writeSteps(child as Element, out, chunk);
    else if (child.nodeType === 3) out.push(escapeText((child as Text).data));
    else if (child.nodeType === 8) out.push(`<!--${(child as Comment).data}-->`);
    yield;
  }
  out.push(`</${el.localName}>`);
}

const escapeText = (s: string) => s.replace(/[&<>\u00A0]/g, (c) => ENTITIES[c]!);
const escapeAttribute = (s: string) => s.replace(/[&"<>\u00A0]/g, (c) => ENTITIES[c]!);
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00A0': '&nbsp;' };

/**
 * The live element a locator points at, or null when it has left the page. The path is tried first;
 * when what it reaches is not the element the copy had (other tag or text: the page changed, or
 * held a tree the parser would build differently), the part is searched for an element with the
 * same tag and text.
 */
export function resolveLocator(roots: readonly Node[], loc: Locator | null | undefined): Element | null {
  if (!loc) return null;
  const root = roots[loc.part];
  if (!root?.isConnected) return null;
  let node: Node | null = root;
  for (const i of loc.path) {
    node = node?.childNodes[i] ?? null;
    if (!node) break;
  }
  const matches = (el: Element) => el.tagName === loc.tag && probeOf(el) === loc.probe;
  if (node?.nodeType === 1 && matches(node as Element)) return node as Element;
  const scope = root as ParentNode & Node;
  for (const el of Array.from(scope.querySelectorAll('*'))) if (matches(el)) return el;
  return null;
}
