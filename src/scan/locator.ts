import type { PageFacts } from './facts';

/*
 * The snapshot's data, shared by the content script (which takes snapshots and follows locators)
 * and the engine (src/scan/snapshot.ts): this module imports no engine code, so that the content
 * script does not carry the engine.
 */

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
  facts: PageFacts;
  /** One per evidence ref of `facts`; null where the evidence has no element in the page's body. */
  locators: (Locator | null)[];
}

/** The characters of an element's text a probe is cut from. */
const PROBE_TEXT = 400;

/**
 * What identifies an element's text for a locator: its first letters, white space left out. Only
 * the first PROBE_TEXT characters of its text are gathered (what textContent starts with), never
 * the whole text: a page with thousands of finds in one huge element must not pay for that
 * element's whole text once per find (issue 15).
 */
export function probeOf(el: Element): string {
  let text = '';
  let node: Node | null = el.firstChild;
  while (node && text.length < PROBE_TEXT) {
    if (node.nodeType === 3 || node.nodeType === 4) text += (node as CharacterData).data.slice(0, PROBE_TEXT - text.length);
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return text.replace(/\s+/g, '').slice(0, 48);
}
