import { normalizeText } from '../identifiers/normalize';
import { platformForHost } from '../platforms/registry';

/** Words that make a picture a licence: in its alt, title, file name, or the region around it. */
const LICENCE_WORDS = /营业执照|执照|证照|资质|亮照|工商信息|主体信息|BUSINESS ?LICEN[CS]E|\bLICEN[CS]E\b/;
const LICENCE_FILE = /yyzz|yingyezhizhao|zhizhao|zhengzhao|liangzhao|licen[cs]e|zizhi|business[-_]?licen/i;
/** Words of a region that shows a licence (headings), looked for in the few blocks around a picture. */
const REGION_WORDS = /营业执照|证照信息|店铺资质|商家资质|企业资质|资质信息|亮照|工商信息|经营者信息|主体信息/;
/** A region whose text is longer than this is a whole page, not a licence region. */
const REGION_CHARS = 400;
/** …and so is one of more nodes than this (read at most this many, so a page of thousands of pictures stays linear). */
const REGION_NODES = 200;
/** A link to the picture itself (a thumbnail opening the full-size licence). */
const IMAGE_FILE = /\.(?:png|jpe?g|webp|gif|bmp)$/i;
/** Pictures read per page at most: a licence page shows one or two. */
export const MAX_PICTURES = 3;
/** A picture declared smaller than this is an icon or a badge. */
const MIN_SIDE = 120;

/** A picture the page shows as a licence, and why it was chosen. */
export interface LicencePicture {
  element: Element;
  /** The picture's absolute URL. */
  src: string;
  why: 'alt' | 'file' | 'region' | 'platform';
}

/**
 * The pictures a page shows as licences, by what the page says of them: alt, title or file name, a
 * region labelled as a licence (营业执照, 证照信息, 店铺资质, 亮照 …), or a platform's own licence page.
 * Product photos are never chosen: a picture only counts with one of those signs.
 */
export function licencePictures(doc: Document, pageUrl: string): LicencePicture[] {
  const url = parseUrl(pageUrl);
  const platformPage = url ? Boolean(platformForHost(url.hostname)?.isLicencePicturePage?.(url)) : false;
  const out: LicencePicture[] = [];
  const base = baseOf(doc, pageUrl);
  for (const img of Array.from(doc.getElementsByTagName('img'))) {
    if (out.length >= MAX_PICTURES) break;
    const raw = img.getAttribute('src') ?? img.getAttribute('data-src') ?? '';
    const src = resolve(raw, base);
    if (!src || tooSmall(img) || inBadgeLink(img) || out.some((p) => p.src === src)) continue;
    const words = normalizeText(`${img.getAttribute('alt') ?? ''} ${img.getAttribute('title') ?? ''}`);
    const why: LicencePicture['why'] | null = LICENCE_WORDS.test(words)
      ? 'alt'
      : LICENCE_FILE.test(raw.split(/[?#]/)[0]!)
        ? 'file'
        : inLicenceRegion(img)
          ? 'region'
          : platformPage
            ? 'platform'
            : null;
    if (why) out.push({ element: img, src, why });
  }
  return out;
}

function tooSmall(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w < MIN_SIDE) || (h > 0 && h < MIN_SIDE);
}

/** A picture that links somewhere else than a picture is a badge (its link is what it claims), not a licence photo. */
function inBadgeLink(img: Element): boolean {
  const href = img.closest('a[href]')?.getAttribute('href');
  return href !== undefined && href !== null && !IMAGE_FILE.test(href.split(/[?#]/)[0]!);
}

/** Is the picture inside a small block (up to four levels up) whose text names a licence? */
function inLicenceRegion(img: Element): boolean {
  let el: Element | null = img.parentElement;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    const text = smallText(el);
    if (text === null) return false;
    if (REGION_WORDS.test(normalizeText(text))) return true;
  }
  return false;
}

/** The element's text, or null once it passes REGION_CHARS or REGION_NODES (never reads further). */
function smallText(el: Element): string | null {
  let text = '';
  let nodes = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (++nodes > REGION_NODES) return null;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      if (text.length > REGION_CHARS) return null;
      continue;
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return text;
}

/** The base the page's relative addresses resolve against (its <base href>, else its URL), once per page. */
function baseOf(doc: Document, pageUrl: string): string | undefined {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  try {
    return base ? new URL(base, pageUrl || undefined).href : pageUrl || undefined;
  } catch {
    return pageUrl || undefined;
  }
}

function resolve(raw: string, base: string | undefined): string | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.startsWith('data:') && trimmed.length > 8_000_000) return null;
  try {
    const u = new URL(trimmed, base);
    return /^(?:https?|file|data|blob):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
