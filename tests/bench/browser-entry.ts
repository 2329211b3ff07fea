// Bundled into an IIFE and injected into a benchmark page in real Chromium.
import { scanPage } from '../../src/scan/scan-page';
import { naiveScan } from './pages';

declare global {
  interface Window {
    lzBench: { ours(): { ms: number; found: string[] }; naive(): { ms: number; found: string[] } };
  }
}

window.lzBench = {
  ours() {
    const t = performance.now();
    const r = scanPage(document, { url: location.href });
    return { ms: performance.now() - t, found: r.identifiers.map((i) => i.value) };
  },
  naive() {
    const t = performance.now();
    const found = naiveScan(document);
    return { ms: performance.now() - t, found };
  },
};
