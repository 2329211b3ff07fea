import { parseHTML } from 'linkedom';
import { scanPage } from '../../src/scan/scan-page';
import type { PageFacts } from '../../src/scan/facts';
import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';
import { judge, judged } from '../../src/verdict/judge';

/** Parses an HTML string the way the CLI does (linkedom DOM); a fragment becomes a page body. */
export function htmlDocument(html: string): Document {
  return parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** What the engine reads on an HTML string. */
export function factsOf(html: string, url = 'https://shop.example.cn/item/1'): PageFacts {
  return scanPage(htmlDocument(html), { url });
}

/** Scans and judges an HTML string the way the CLI does without a feed (page rules only). */
export function scanHtml(html: string, url = 'https://shop.example.cn/item/1', lang: Lang = 'zh-CN'): ScanResult {
  const facts = factsOf(html, url);
  return judged(facts, judge(facts, { lang }).verdict);
}

/** kind:value pairs, for compact assertions. */
export const ids = (r: Pick<ScanResult, 'identifiers'>) => r.identifiers.map((i) => `${i.kind}:${i.value}`);
