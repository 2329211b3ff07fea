import { parseHTML } from 'linkedom';

/** Parses a saved page into a DOM for the scanner (linkedom: fast, no layout, no scripts run). */
export function parseHtmlDocument(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  // linkedom builds no <html> for a fragment or plain text (a saved snippet, a text dump):
  // read it as the body of a page rather than fail.
  if (doc.documentElement && doc.body) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}

/**
 * Decodes page bytes: the charset from a BOM, the Content-Type, or a <meta charset>, else UTF-8
 * (GBK pages are still common on Chinese sites).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  let charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (!charset) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  }
  const label = (charset ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(label === 'gb2312' ? 'gbk' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
