import { parseHTML } from 'linkedom';
import { scanPage } from '../../src/scan/scan-page';
import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';

/** Scans an HTML string the way the CLI does (linkedom DOM). */
export function scanHtml(html: string, url = 'https://shop.example.cn/item/1', lang: Lang = 'zh-CN'): ScanResult {
  const doc = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
  return scanPage(doc, { url, lang });
}

/** kind:value pairs, for compact assertions. */
export const ids = (r: ScanResult) => r.identifiers.map((i) => `${i.kind}:${i.value}`);
