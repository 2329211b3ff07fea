import { ScanBudget } from './budget';
import { collectText, type PageText } from './collect-text';
import { cutDeepNesting } from './nesting-cut';
import { elementAt, type Location } from './evidence';
import { analyzePages, collectPages, storeOf, type ScanOptions } from './scan-page';
import { licencePictures } from './licence-pictures';
import { medicineOnSale } from './medicine-on-sale';
import { probeOf, type Locator, type PageSnapshot, type PictureCandidate, type SnapshotScan } from './locator';

export type { Locator, PageSnapshot, PictureCandidate, SnapshotPart, SnapshotScan } from './locator';

/** The nesting a browser's parser builds at most (Chromium, Firefox and the HTML standard's tests: 512). */
export const MAX_NESTING = 512;

/** Makes an inert document of an HTML string (DOMParser in a browser; scripts never run). */
export type ParseHtml = (html: string) => Document;

/** Scans a snapshot with the same engine as a live scan (scanPage) of the page. */
export function scanSnapshot(snapshot: PageSnapshot, parse: ParseHtml, options: ScanOptions): SnapshotScan {
  const budget = options.budget ?? ScanBudget.unlimited();
  options = { ...options, budget };
  const roots: Node[] = [];
  const pages: PageText[] = [];
  let top: Document | null = null;
  let deep = false;
  // Nested past what a browser builds from markup: cut there before parsing (nesting-cut.ts).
  const shallow = (html: string) => {
    const { html: kept, cut } = cutDeepNesting(html, MAX_NESTING);
    deep ||= cut;
    return kept;
  };
  for (const part of snapshot.parts) {
    // The page itself is always read; its shadow roots and frames while there is time.
    if (roots.length && !budget.allows()) break;
    if (part.kind === 'document') {
      const doc = parse(shallow(`<!doctype html><html>${part.head}${part.body}</html>`));
      top ??= doc;
      roots.push(doc.body ?? doc.documentElement);
      for (const page of collectPages(doc, { ...options, frames: false })) pages.push(page);
    } else {
      const doc = parse(shallow(`<!doctype html><html><head></head><body>${part.html}</body></html>`));
      roots.push(doc.body);
      pages.push(collectText(doc.body, { ...options, frames: false }));
    }
  }
  const scan = analyzePages(pages, options);
  // Cut by the content script (over the snapshot's size limit) or by the budget here.
  if (snapshot.truncated) scan.facts.partial = 'size';
  else if (deep) scan.facts.partial = 'depth';
  else if (budget.stopped) scan.facts.partial = 'time';
  else if (top) {
    scan.facts.store = storeOf(scan, top, options.url);
    const medicine = medicineOnSale(top, scan.facts.identifiers);
    if (medicine) scan.facts.medicine = medicine;
  }
  const index = new Map(roots.map((r, i) => [r, i]));
  const places = new Places();
  const locators = scan.locations.map((loc) => locatorOf(loc, index, places));
  const pictures: PictureCandidate[] = [];
  if (top) {
    for (const p of licencePictures(top, options.url)) {
      const locator = locatorOf({ type: 'element', element: p.element }, index, places);
      if (locator) pictures.push({ src: p.src, ref: locators.push(locator) - 1 });
    }
  }
  return { facts: scan.facts, locators, ...(pictures.length ? { pictures } : {}) };
}

/**
 * Child indices and probes, each worked out once per scan: a page with thousands of finds among
 * thousands of siblings (badges in a row) must not count the siblings before each one again, nor
 * gather one element's text again for every find in it (issue 15).
 */
class Places {
  private readonly indices = new Map<Node, number>();
  private readonly probes = new Map<Element, string>();

  /** The node's index among its parent's children (all of them numbered on the first question). */
  indexOf(node: Node, parent: Node): number {
    let i = this.indices.get(node);
    if (i === undefined) {
      let n = 0;
      for (let c = parent.firstChild; c; c = c.nextSibling) this.indices.set(c, n++);
      i = this.indices.get(node) ?? 0;
    }
    return i;
  }

  probeOf(el: Element): string {
    let probe = this.probes.get(el);
    if (probe === undefined) this.probes.set(el, (probe = probeOf(el)));
    return probe;
  }
}

function locatorOf(loc: Location, roots: Map<Node, number>, places: Places): Locator | null {
  const el = loc.type === 'element' ? loc.element : elementAt(loc.page, loc.start);
  if (!el) return null;
  const path: number[] = [];
  let node: Node = el;
  for (;;) {
    const part = roots.get(node);
    if (part !== undefined) return { part, path: path.reverse(), tag: el.tagName, probe: places.probeOf(el) };
    const parent = node.parentNode;
    if (!parent) return null;
    path.push(places.indexOf(node, parent));
    node = parent;
  }
}
