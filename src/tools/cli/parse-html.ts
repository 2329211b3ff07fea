import { detect } from 'chardet';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';

/** Parses a saved page into a DOM for the scanner (linkedom: fast, no layout, no scripts run). */
export function parseHtmlDocument(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  // linkedom builds no <html> for a fragment or plain text (a saved snippet, a text dump):
  // read it as the body of a page rather than fail.
  if (doc.documentElement && doc.body) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}

/** A page's text and the character set it was read in, and where that came from. */
export interface DecodedPage {
  text: string;
  /** The WHATWG name of the encoding used (utf-8, gbk, gb18030, big5, utf-16le…). */
  encoding: string;
  /** bom, header (Content-Type), meta (<meta charset>), detected (chardet), or default (UTF-8). */
  from: 'bom' | 'header' | 'meta' | 'detected' | 'default';
}

/** Encodings chardet may name that a page is read in; anything else it says is not trusted over UTF-8. */
const DETECTED: Record<string, string> = { 'GB18030': 'gb18030', 'Big5': 'big5', 'Shift_JIS': 'shift_jis', 'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

/**
 * Decodes page bytes: the charset from a BOM (UTF-8, UTF-16 either way), the Content-Type, or a
 * <meta charset>; without any, text that is valid UTF-8 is UTF-8, and anything else is what the
 * chardet detector says (GBK pages without a declaration are still common on Chinese sites; reading
 * them as UTF-8 found nothing on them).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', from: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', from: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', from: 'bom' };
  const declared = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) {
    const page = decodeAs(bytes, declared, 'header');
    if (page) return page;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  if (meta) {
    const page = decodeAs(bytes, meta, 'meta');
    if (page) return page;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', from: 'default' };
  } catch {
    // Not UTF-8: ask the detector (on a sample: it reads every byte it is given).
  }
  const detected = DETECTED[detect(bytes.subarray(0, 256 * 1024)) ?? ''];
  if (detected) return decodeAs(bytes, detected, 'detected')!;
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', from: 'default' };
}

function decodeAs(bytes: Uint8Array, label: string, from: DecodedPage['from']): DecodedPage | null {
  const name = label.toLowerCase() === 'gb2312' ? 'gbk' : label.toLowerCase();
  try {
    const decoder = new TextDecoder(name);
    return { text: decoder.decode(bytes), encoding: decoder.encoding, from };
  } catch {
    return null;
  }
}

/**
 * Cuts raw HTML where it nests deeper than `maxDepth`, as the parser the CLI uses (htmlparser2,
 * under linkedom) would nest it: that parser keeps its open elements in an array it adds to at the
 * front, so each level costs as many steps as there are levels (200,000 took over a minute and a
 * gigabyte). Browsers stop nesting at 512 too. This first pass stops at the cut, so it never goes
 * that deep itself (issue 15).
 */
export function cutDeepHtml(html: string, maxDepth: number): { html: string; cut: boolean } {
  let depth = 0;
  let cutAt = -1;
  const stop = new Error('deep');
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > maxDepth) {
          cutAt = parser.startIndex;
          throw stop;
        }
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error !== stop) throw error;
  }
  return cutAt < 0 ? { html, cut: false } : { html: html.slice(0, cutAt), cut: true };
}
