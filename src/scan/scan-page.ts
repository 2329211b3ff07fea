import type { Badge, Identifier, IdentifierSource, LicenseRecord } from '../types';
import { normalizeText } from '../identifiers/normalize';
import { collectText, type CollectOptions, type PageText } from './collect-text';
import { detectText, type Occurrence } from './detect-text';
import { excerpt, type Location } from './evidence';
import { findLicenses } from './licenses';
import { analyzeLinks } from './links';
import { regionsOf } from './regions';
import { classifyPage } from '../platforms/classify-page';
import { medicineOnSale } from './medicine-on-sale';
import { LICENSE_LINK_TEXT, parseUrl } from '../platforms/helpers';
import type { PageFacts } from './facts';
import { showsLicense } from './shows-license';

export interface ScanOptions extends CollectOptions {
  /** The page's URL (used for same-site badge checks and the output contract). */
  url: string;
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

const SOURCE_RANK: Record<IdentifierSource, number> = { text: 0, attribute: 1, link: 2 };

/** What the engine finds on a whole document or a subtree: facts, no verdict (see src/verdict/judge.ts). */
export function scanPage(root: Node, options: ScanOptions): PageFacts {
  return scanPageDetailed(root, options).facts;
}

/** Scans and keeps what is needed to point at the evidence. */
export function scanPageDetailed(root: Node, options: ScanOptions): DetailedScan {
  const scan = analyzePages(collectPages(root, options), options);
  if (root.nodeType === 9) {
    scan.facts.store = storeOf(scan, root as Document, options.url);
    const medicine = medicineOnSale(root as Document, scan.facts.identifiers);
    if (medicine) scan.facts.medicine = medicine;
  }
  return scan;
}

/**
 * What kind of page this is, when the verdict needs to know (license-missing): only for a page that
 * neither shows a licence nor links to one. Classifying costs passes over the page; license words
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
  const regions = !options.fullWalk && base && base.nodeType === 1 ? regionsOf(base as Element) : null;
  if (!regions) {
    // The full walk reads shadow roots and frames itself.
    return [collectText(root, options)];
  }
  const pages: PageText[] = [];
  for (const group of regions) pages.push(collectText(group, options));
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
  const found: Identifier[] = [];
  const licenses: LicenseRecord[] = [];
  const badges: Badge[] = [];
  const add = (o: Occurrence, source: IdentifierSource, evidence: string, ref: number) => {
    const id: Identifier = { kind: o.kind, value: o.value, valid: o.valid, problems: o.problems, label: o.label, source, evidence, count: 1, ref };
    if (o.region) id.region = o.region;
    found.push(id);
  };

  for (const page of pages) {
    const textOcc = detectText(page.norm);
    for (const o of textOcc) add(o, 'text', excerpt(page.text, o.start, o.end), locate({ type: 'text', page, start: o.start, end: o.end }));
    for (const a of page.attributes) {
      for (const o of detectText(normalizeText(a.value))) {
        add(o, 'attribute', `${a.name}="${excerpt(a.value, o.start, o.end)}"`, locate({ type: 'element', element: a.element }));
      }
    }
    const links = analyzeLinks(page, options.url);
    for (const o of links.occurrences) {
      const link = page.links[o.link]!;
      add(o, 'link', link.href.length > 160 ? link.href.slice(0, 157) + '…' : link.href, locate({ type: 'element', element: link.element }));
    }
    for (const { start, end, ...rec } of findLicenses(page.norm, page.text, textOcc)) {
      licenses.push({ ...rec, ref: locate({ type: 'text', page, start, end }) });
    }
    for (const { element, ...b } of links.badges) badges.push({ ...b, ref: locate({ type: 'element', element }) });
  }

  return { facts: { url: options.url, identifiers: dedupe(found), licenses, badges, store: null }, pages, locations };
}

/** One entry per kind and value; the best-labelled, most visible occurrence speaks for all. */
function dedupe(found: Identifier[]): Identifier[] {
  const byKey = new Map<string, Identifier>();
  for (const id of found) {
    const key = `${id.kind}\u0000${id.value}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, id);
      continue;
    }
    // Text beats attributes beats links; within a source, a labelled occurrence beats a bare one.
    const better =
      SOURCE_RANK[id.source] < SOURCE_RANK[prev.source] ||
      (id.source === prev.source && id.label !== null && prev.label === null);
    const [keep, other] = better ? [id, prev] : [prev, id];
    const merged = { ...keep, count: prev.count + 1 };
    if (merged.label === null && other.source !== 'link') merged.label = other.label;
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}
