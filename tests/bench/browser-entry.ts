// Bundled into an IIFE and injected into a benchmark page in real Chromium.
import { scanPage } from '../../src/scan/scan-page';
import { judge } from '../../src/verdict/judge';
import { naiveScan } from './pages';

declare global {
  interface Window {
    lzBench: { ours(times?: number): { ms: number; found: string[] }; naive(times?: number): { ms: number; found: string[] } };
  }
}

/**
 * Runs `scan` `times` times in a row and gives the mean time of one: performance.now() is coarsened
 * to 0.1 ms in a page that is not cross-origin isolated, too coarse for a 0.2 ms scan on its own.
 */
function timed(scan: () => string[], times: number): { ms: number; found: string[] } {
  let found: string[] = [];
  const t = performance.now();
  for (let i = 0; i < times; i++) found = scan();
  return { ms: (performance.now() - t) / times, found };
}

window.lzBench = {
  // The engine's facts and the page rules' verdict: what the extension's engine and judge do per page.
  ours: (times = 1) =>
    timed(() => {
      const facts = scanPage(document, { url: location.href });
      judge(facts, { lang: 'zh-CN' });
      return facts.identifiers.map((i) => i.value);
    }, times),
  naive: (times = 1) => timed(() => naiveScan(document), times),
};
