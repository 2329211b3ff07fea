// Bundled into an IIFE and injected into a page of real Chromium: the engine as the extension's
// offscreen document runs it (DOMParser, scanSnapshot, judge) on the hostile shapes.
import { ScanBudget } from '../../src/scan/budget';
import { scanSnapshot } from '../../src/scan/snapshot';
import { judge } from '../../src/verdict/judge';
import { LAST_FILING } from './hostile-pages';

declare global {
  interface Window {
    lzHostile: { scan(html: string, budgetMs: number | null): HostileRun };
  }
}

export interface HostileRun {
  /** Parse and scan and judge, as one scan of the extension. */
  ms: number;
  /** Of which parsing the snapshot. */
  parseMs: number;
  partial: string | null;
  /** The filing at the very end of the page was found (the page was read to its end). */
  readToEnd: boolean;
  level: string;
}

window.lzHostile = {
  scan(html, budgetMs) {
    const body = /<body>[\s\S]*<\/body>/.exec(html)![0];
    const parser = new DOMParser();
    let parseMs = 0;
    const parse = (h: string) => {
      const t = performance.now();
      const doc = parser.parseFromString(h, 'text/html');
      parseMs += performance.now() - t;
      return doc;
    };
    const t = performance.now();
    const budget = budgetMs === null ? undefined : ScanBudget.of(budgetMs);
    const scan = scanSnapshot({ parts: [{ kind: 'document', head: '<head></head>', body }], truncated: false }, parse, { url: 'https://shop.example.cn/item/1', budget });
    const { verdict } = judge(scan.facts, { lang: 'zh-CN' });
    return {
      ms: performance.now() - t,
      parseMs,
      partial: scan.facts.partial ?? null,
      readToEnd: scan.facts.identifiers.some((i) => i.value === LAST_FILING),
      level: verdict.level,
    };
  },
};
