import { collectText, type PageText } from './collect-text';
import { elementAt, type Location } from './evidence';
import { analyzePages, collectPages, storeOf, type ScanOptions } from './scan-page';
import { medicineOnSale } from './medicine-on-sale';
import { probeOf, type Locator, type PageSnapshot, type SnapshotScan } from './locator';

export type { Locator, PageSnapshot, SnapshotPart, SnapshotScan } from './locator';

/** Makes an inert document of an HTML string (DOMParser in a browser; scripts never run). */
export type ParseHtml = (html: string) => Document;

/** Scans a snapshot with the same engine as a live scan (scanPage) of the page. */
export function scanSnapshot(snapshot: PageSnapshot, parse: ParseHtml, options: ScanOptions): SnapshotScan {
  const roots: Node[] = [];
  const pages: PageText[] = [];
  let top: Document | null = null;
  for (const part of snapshot.parts) {
    if (part.kind === 'document') {
      const doc = parse(`<!doctype html><html>${part.head}${part.body}</html>`);
      top ??= doc;
      roots.push(doc.body ?? doc.documentElement);
      for (const page of collectPages(doc, { ...options, frames: false })) pages.push(page);
    } else {
      const doc = parse(`<!doctype html><html><head></head><body>${part.html}</body></html>`);
      roots.push(doc.body);
      pages.push(collectText(doc.body, { ...options, frames: false }));
    }
  }
  const scan = analyzePages(pages, options);
  if (top) {
    scan.facts.store = storeOf(scan, top, options.url);
    const medicine = medicineOnSale(top, scan.facts.identifiers);
    if (medicine) scan.facts.medicine = medicine;
  }
  const index = new Map(roots.map((r, i) => [r, i]));
  return { facts: scan.facts, locators: scan.locations.map((loc) => locatorOf(loc, index)) };
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
