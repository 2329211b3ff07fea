/**
 * Small DOM and URL helpers shared by the platform files. The page is hostile: every walk is
 * bounded, so a page with a million links cannot stall classification.
 */

/** At most this many links are looked at; license links sit in headers and footers, well within. */
const MAX_LINKS = 5000;
/** Inline script text read for page data (venderId, mall_id…). */
const MAX_SCRIPT_CHARS = 400_000;

/** Parses a URL without throwing. */
export function parseUrl(href: string, base?: URL | string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** Does `host` match a pattern (`example.com`: it and its subdomains; `=host`: exactly)? */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('=')) return h === pattern.slice(1);
  return h === pattern || h.endsWith('.' + pattern);
}

/** The first subdomain label under `domain` (`foo` for foo.tmall.com), or null. */
export function subdomainOf(host: string, domain: string): string | null {
  const h = host.toLowerCase();
  if (!h.endsWith('.' + domain)) return null;
  const rest = h.slice(0, -domain.length - 1);
  return rest.split('.').pop() ?? null;
}

/** A link as a reader sees it: its resolved URL and its visible and alternative text. */
export interface LinkInfo {
  url: URL;
  label: string;
}

/**
 * The first `max` characters of an element's text (what textContent starts with), without building
 * the rest: a link or button may hold the whole page (nested by script, or unclosed), and asking
 * thousands of them for their whole text would cost the page's size each time.
 */
export function textStart(el: Element, max: number): string {
  let text = '';
  let node: Node | null = el.firstChild;
  while (node && text.length < max) {
    if (node.nodeType === 3 || node.nodeType === 4) text += (node as CharacterData).data.slice(0, max - text.length);
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return text;
}

/** Characters of a link's or a control's own text that are read (labels are cut to 200 anyway). */
const LABEL_TEXT = 1000;

/** What a link says: its text plus title/aria-label and the alt of images inside it. */
function linkLabel(a: Element): string {
  let label = textStart(a, LABEL_TEXT);
  for (const name of ['title', 'aria-label']) label += ' ' + (a.getAttribute(name) ?? '');
  for (const img of Array.from(a.querySelectorAll('img[alt]')).slice(0, 4)) label += ' ' + (img.getAttribute('alt') ?? '');
  return label.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The page's links (bounded), resolved against the page URL; javascript: and empty hrefs are left out. */
export function links(doc: Document, base: URL): LinkInfo[] {
  const out: LinkInfo[] = [];
  const anchors = doc.querySelectorAll('a[href], area[href]');
  const n = Math.min(anchors.length, MAX_LINKS);
  for (let i = 0; i < n; i++) {
    const a = anchors[i]!;
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || /^(?:javascript|data|mailto|tel):/i.test(href)) continue;
    const url = parseUrl(href, base);
    if (url) out.push({ url, label: linkLabel(a) });
  }
  return out;
}

/**
 * Words of a link that leads to a shop's license: 营业执照, 证照信息, 资质, 亮照, 查看商家公示信息 (Tmall)…
 * with Traditional forms, since the page text is not normalized here.
 */
export const LICENSE_LINK_TEXT = /营业执照|營業執照|证照|證照|资质|資質|亮照|商家公示|食品安全档案|食品安全檔案|工商执照|工商執照|business licen[cs]e/i;

/**
 * The first link whose text names a license page, optionally only to hosts `allow` accepts.
 * Every link is looked at (license links sit in footers, after thousands of product links), but
 * cheaply: its text first, and only a link whose words match is resolved.
 */
export function findLicenseLink(doc: Document, base: URL, allow?: (url: URL) => boolean): string | null {
  const anchors = doc.querySelectorAll('a[href], area[href]');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const quick = `${textStart(a, LABEL_TEXT)} ${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''} ${a.getAttribute('alt') ?? ''}`;
    if (!LICENSE_LINK_TEXT.test(quick) && !(a.firstElementChild && LICENSE_LINK_TEXT.test(linkLabel(a)))) continue;
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || /^(?:javascript|data|mailto|tel):/i.test(href)) continue;
    const url = parseUrl(href, base);
    if (!url || (allow && !allow(url))) continue;
    return url.href;
  }
  return null;
}

/** The first link whose URL passes `test`. */
export function findLink(doc: Document, base: URL, test: (url: URL) => boolean): URL | null {
  for (const link of links(doc, base)) if (test(link.url)) return link.url;
  return null;
}

/** Inline script text (bounded), where platforms keep page data such as venderId or mall_id. */
export function inlineScripts(doc: Document): string {
  let text = '';
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    text += (s.textContent ?? '') + '\n';
    if (text.length >= MAX_SCRIPT_CHARS) return text.slice(0, MAX_SCRIPT_CHARS);
  }
  return text;
}

/** The first capture of `re` in the page's inline scripts. */
export function scriptValue(doc: Document, re: RegExp): string | null {
  return re.exec(inlineScripts(doc))?.[1] ?? null;
}

/** Does any element match one of these selectors? (DOM hints such as an add-to-cart button id.) */
export function hasAny(doc: Document, selectors: string): boolean {
  try {
    return doc.querySelector(selectors) !== null;
  } catch {
    return false;
  }
}

/** The first attribute value found on elements matching `selector`. */
export function attrValue(doc: Document, selector: string, attr: string): string | null {
  try {
    return doc.querySelector(selector)?.getAttribute(attr) ?? null;
  } catch {
    return null;
  }
}
