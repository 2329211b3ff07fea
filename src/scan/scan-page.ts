import type { Badge, Identifier, IdentifierSource, LicenseRecord } from '../types';
import { normalizeText } from '../identifiers/normalize';
import { collectText, type CollectOptions, type PageText } from './collect-text';
import { detectText, type Occurrence } from './detect-text';
import { excerpt, type Location } from './evidence';
import { findLicenses } from './licenses';
import { analyzeLinks } from './links';
import { regionsOf } from './regions';
import { TextRows } from './table-rows';
import { classifyPage } from '../platforms/classify-page';
import { medicineOnSale } from './medicine-on-sale';
import { LICENSE_LINK_TEXT, parseUrl } from '../platforms/helpers';
import type { PageFacts } from './facts';
import { ScanBudget } from './budget';
import { showsLicense } from './shows-license';

export interface ScanOptions extends CollectOptions {
  /** The page's URL (used for same-site badge checks and the output contract). */
  url: string;
  /**
   * How long the scan may read (budget.ts); unlimited when absent. Once it is spent the engine
   * answers with what it read, and the facts say the page was read in part.
   */
  budget?: ScanBudget;
  /** Walk every node instead of only the regions around hints (slower; same findings). */
  fullWalk?: boolean;
}

/** A scan with the way back from its evidence refs to the page. */
export interface DetailedScan {
  facts: PageFacts;
  /** The collected texts the scan read (one per region). */
  pages: PageText[];
  locations: Location[];
}

const SOURCE_RANK: Record<IdentifierSource, number> = { text: 0, attribute: 1, link: 2, image: 3 };

/** What the engine finds on a whole document or a subtree: facts, no verdict (see src/verdict/judge.ts). */
export function scanPage(root: Node, options: ScanOptions): PageFacts {
  return scanPageDetailed(root, options).facts;
}

/** Scans and keeps what is needed to point at the evidence. */
export function scanPageDetailed(root: Node, options: ScanOptions): DetailedScan {
  const budget = options.budget ?? ScanBudget.unlimited();
  const read = { ...options, budget };
  const scan = analyzePages(collectPages(root, read), read);
  if (budget.stopped) scan.facts.partial = 'time';
  else if (root.nodeType === 9) {
    scan.facts.store = storeOf(scan, root as Document, options.url);
    const medicine = medicineOnSale(root as Document, scan.facts.identifiers);
    if (medicine) scan.facts.medicine = medicine;
  }
  return scan;
}

/**
 * What kind of page this is, when the verdict needs to know (license-missing): only for a page that
 * neither shows a licence nor links to one (and never for a page read in part: the licence may be in
 * the part not read). Classifying costs passes over the page; license words
 * are among the scanner's hints, so the links it read include any licence link.
 */
export function storeOf(scan: DetailedScan, doc: Document, url: string): PageFacts['store'] {
  if (showsLicense(scan.facts) || licenseLinkIn(scan.pages, url)) return null;
  return classifyPage(url, doc, { licenseLink: null });
}

/** The first link the scan read whose words name a license page (营业执照, 证照, 资质, 亮照…). */
function licenseLinkIn(pages: PageText[], base: string): string | null {
  for (const page of pages) {
    for (const link of page.links) {
      const label = `${page.text.slice(link.start, Math.min(link.end, link.start + 200))} ${link.attrText}`;
      if (!LICENSE_LINK_TEXT.test(label)) continue;
      const url = parseUrl(link.href.trim(), base);
      if (url && /^https?:$/.test(url.protocol)) return url.href;
    }
  }
  return null;
}

/**
 * Reads the page: the regions around hints (fast path), plus open shadow roots and same-origin
 * frames when `frames` is set, which the browser's textContent does not include.
 */
export function collectPages(root: Node, options: ScanOptions): PageText[] {
  const base = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  const budget = options.budget ?? ScanBudget.unlimited();
  const regions = !options.fullWalk && base && base.nodeType === 1 ? regionsOf(base as Element, budget) : null;
  if (!regions) {
    // The full walk reads shadow roots and frames itself.
    return [collectText(root, options)];
  }
  const pages: PageText[] = [];
  for (const group of regions) {
    // The first region is always started (its walk stops by itself when out of time): never nothing.
    if (pages.length && !budget.allows()) return pages;
    pages.push(collectText(group, options));
  }
  if (!options.frames || !base) return pages;
  // Frames are found natively; open shadow roots only by asking each element (no selector finds
  // them), so that loop does nothing else.
  for (const frame of Array.from((base as Element).getElementsByTagName('iframe'))) {
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument;
    } catch {
      // Cross-origin frame: not ours to read.
    }
    if (doc?.body) pages.push(...collectPages(doc, options));
  }
  const elements = (base as Element).getElementsByTagName('*');
  for (let i = 0; i < elements.length; i++) {
    const shadow = (elements[i] as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) pages.push(collectText(shadow, options));
  }
  return pages;
}

/** Everything after text collection: detection, records and badges (the page's kind is storeOf's). */
export function analyzePages(pages: PageText[], options: ScanOptions): DetailedScan {
  const locations: Location[] = [];
  const locate = (loc: Location) => locations.push(loc) - 1;
  const found = new Identifiers();
  const licenses: LicenseRecord[] = [];
  const badges: Badge[] = [];

  const budget = options.budget ?? ScanBudget.unlimited();
  for (const [n, page] of pages.entries()) {
    // The first text is always read through: a page out of time still gets what it read judged.
    if (n > 0 && !budget.allows()) break;
    const text = textFinds(page, budget);
    for (const o of text.occurrences) found.add(o, 'text', () => [excerpt(page.text, o.start, o.end), { type: 'text', page, start: o.start, end: o.end }]);
    const more = budget.every(BUDGET_ITEMS);
    for (const a of page.attributes) {
      if (!more()) break;
      for (const o of detectText(normalizeText(a.value))) {
        found.add(o, 'attribute', () => [`${a.name}="${excerpt(a.value, o.start, o.end)}"`, { type: 'element', element: a.element }]);
      }
    }
    const links = analyzeLinks(page, options.url, more);
    for (const o of links.occurrences) {
      const link = page.links[o.link]!;
      found.add(o, 'link', () => [link.href.length > 160 ? link.href.slice(0, 157) + '…' : link.href, { type: 'element', element: link.element }]);
    }
    for (const { start, end, ...rec } of text.cards) {
      licenses.push({ ...rec, ref: locate({ type: 'text', page, start, end }) });
    }
    for (const { element, ...b } of links.badges) badges.push({ ...b, ref: locate({ type: 'element', element }) });
  }

  return { facts: { url: options.url, identifiers: found.list(locate), licenses, badges, store: null }, pages, locations };
}

/** Attribute values and links read between two looks at the budget. */
const BUDGET_ITEMS = 1024;
/** A long text's identifiers are read in slices of this many characters, with a look at the budget between them. */
const SLICE = 200_000;
/**
 * Text read on each side of a slice, for what a find at its edge needs around it: its label, its
 * line's start, the row above it (each well under this). Finds are kept by the slice they start
 * in, so none is counted twice.
 */
const MARGIN = 2_000;

type Card = LicenseRecord & { start: number; end: number };

/**
 * The identifiers and licence cards in a page's text. A text of millions of characters (one
 * sentence repeated in one paragraph) is too long a piece of work to stop in the middle of, so its
 * identifiers are read slice by slice and a scan out of time stops between two slices (issue 15).
 * Licence cards are then read in one pass over the part read: whether keys form one card or two
 * depends on the keys before them, which a slice would not see (that pass is a single regex search
 * and a few steps per key).
 */
function textFinds(page: PageText, budget: ScanBudget): { occurrences: Occurrence[]; cards: Card[] } {
  const n = page.norm.length;
  const rows = new TextRows(page.norm);
  if (n <= SLICE + 2 * MARGIN) {
    const occurrences = detectText(page.norm, rows);
    return { occurrences, cards: findLicenses(page.norm, page.text, occurrences, rows) };
  }
  const occurrences: Occurrence[] = [];
  let read = 0;
  for (let at = 0; at < n; at += SLICE) {
    if (at > 0 && !budget.allows()) break;
    const from = Math.max(0, at - MARGIN);
    const norm = page.norm.slice(from, Math.min(n, at + SLICE + MARGIN));
    for (const o of detectText(norm)) {
      if (o.start + from >= at && o.start + from < at + SLICE) occurrences.push({ ...o, start: o.start + from, end: o.end + from });
    }
    read = Math.min(n, at + SLICE);
  }
  if (read === n) return { occurrences, cards: findLicenses(page.norm, page.text, occurrences, rows) };
  const norm = page.norm.slice(0, read);
  return { occurrences, cards: findLicenses(norm, page.text.slice(0, read), occurrences, new TextRows(norm)) };
}

/** Where an occurrence is and what it looks like there: asked only of the occurrence that is kept. */
type Where = () => [evidence: string, location: Location];

/**
 * One entry per kind and value; the best-labelled, most visible occurrence speaks for all. A page
 * may show one code tens of thousands of times: every occurrence is counted, but only the one that
 * speaks gets its excerpt cut and its place kept (issue 15), so what is kept per identifier does
 * not grow with the page.
 */
class Identifiers {
  private readonly byKey = new Map<string, { id: Omit<Identifier, 'evidence' | 'ref'>; where: Where }>();

  add(o: Occurrence, source: IdentifierSource, where: Where): void {
    const id: Omit<Identifier, 'evidence' | 'ref'> = { kind: o.kind, value: o.value, valid: o.valid, problems: o.problems, label: o.label, source, count: 1 };
    if (o.region) id.region = o.region;
    const key = `${o.kind}\u0000${o.value}`;
    const prev = this.byKey.get(key);
    if (!prev) {
      this.byKey.set(key, { id, where });
      return;
    }
    // Text beats attributes beats links; within a source, a labelled occurrence beats a bare one.
    const better =
      SOURCE_RANK[source] < SOURCE_RANK[prev.id.source] || (source === prev.id.source && id.label !== null && prev.id.label === null);
    const [keep, other] = better ? [{ id, where }, prev] : [prev, { id, where }];
    const merged = { id: { ...keep.id, count: prev.id.count + 1 }, where: keep.where };
    if (merged.id.label === null && other.id.source !== 'link') merged.id.label = other.id.label;
    this.byKey.set(key, merged);
  }

  /** The identifiers, in the order first seen, each with its evidence and the ref of its place. */
  list(locate: (loc: Location) => number): Identifier[] {
    return [...this.byKey.values()].map(({ id: { region, ...id }, where }) => {
      const [evidence, location] = where();
      const out: Identifier = { kind: id.kind, value: id.value, valid: id.valid, problems: id.problems, label: id.label, source: id.source, evidence, count: id.count, ref: locate(location) };
      if (region) out.region = region;
      return out;
    });
  }
}
