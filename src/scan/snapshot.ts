import type { ScanResult } from '../types';
import { collectText, type PageText } from './collect-text';
import { elementAt, type Location } from './evidence';
import { analyzePages, collectSteps, pageFindingSteps, type ScanOptions } from './scan-page';
import type { Steps } from './steps';

/**
 * A page as the content script hands it over: the HTML the browser itself serialized for the page,
 * for each open shadow root and for each same-origin frame. The engine parses it again where it
 * does not cost the shop page's main thread (an extension document) and scans the copy; what it
 * finds points back into the page through locators.
 */
export interface PageSnapshot {
  /** Part 0 is the page itself; then shadow roots and frames, in the order the page was read. */
  parts: SnapshotPart[];
  /** The page was larger than a snapshot may be: the end of it was left out. */
  truncated: boolean;
}

export type SnapshotPart =
  /** A document (the page, a same-origin frame): outer HTML of its head and of its body. */
  | { kind: 'document'; head: string; body: string }
  /** An open shadow root: its inner HTML. */
  | { kind: 'shadow'; html: string };

/**
 * Where a piece of evidence is on the live page: part `part` (the body of a document, or a shadow
 * root), then child indices down to the element. `tag` and `probe` let the page side check that the
 * element found is the one the copy had (a page built by script can hold trees that do not parse
 * back the same), and look for it when it is not.
 */
export interface Locator {
  part: number;
  path: number[];
  tag: string;
  probe: string;
}

export interface SnapshotScan {
  result: ScanResult;
  /** One per evidence ref of `result`; null where the evidence has no element in the page's body. */
  locators: (Locator | null)[];
}

/** Makes an inert document of an HTML string (DOMParser in a browser; scripts never run). */
export type ParseHtml = (html: string) => Document;

/** What identifies an element's text for a locator: its first letters, white space left out. */
export function probeOf(el: Element): string {
  return (el.textContent ?? '').slice(0, 400).replace(/\s+/g, '').slice(0, 48);
}

/** Scans a snapshot with the same engine and rules as a live scan (scanSteps) of the page. */
export function* scanSnapshotSteps(snapshot: PageSnapshot, parse: ParseHtml, options: ScanOptions): Steps<SnapshotScan> {
  const roots: Node[] = [];
  const pages: PageText[] = [];
  let top: Document | null = null;
  for (const part of snapshot.parts) {
    if (part.kind === 'document') {
      const doc = parse(`<!doctype html><html>${part.head}${part.body}</html>`);
      top ??= doc;
      roots.push(doc.body ?? doc.documentElement);
      for (const page of yield* collectSteps(doc, { ...options, frames: false })) pages.push(page);
    } else {
      const doc = parse(`<!doctype html><html><head></head><body>${part.html}</body></html>`);
      roots.push(doc.body);
      pages.push(collectText(doc.body, { ...options, frames: false }));
    }
    yield;
  }
  const scan = analyzePages(pages, options);
  if (top) {
    yield;
    yield* pageFindingSteps(scan, top, options);
  }
  const index = new Map(roots.map((r, i) => [r, i]));
  return { result: scan.result, locators: scan.locations.map((loc) => locatorOf(loc, index)) };
}

function locatorOf(loc: Location, roots: Map<Node, number>): Locator | null {
  const el = loc.type === 'element' ? loc.element : elementAt(loc.page, loc.start);
  if (!el) return null;
  const path: number[] = [];
  let node: Node = el;
  for (;;) {
    const part = roots.get(node);
    if (part !== undefined) return { part, path: path.reverse(), tag: el.tagName, probe: probeOf(el) };
    const parent = node.parentNode;
    if (!parent) return null;
    let i = 0;
    for (let s = node.previousSibling; s; s = s.previousSibling) i++;
    path.push(i);
    node = parent;
  }
}
