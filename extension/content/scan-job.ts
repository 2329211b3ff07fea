import type { Lang } from '../../src/i18n/lang';
import type { PageText } from '../../src/scan/collect-text';
import { analyzePages, collectPages, type DetailedScan } from '../../src/scan/scan-page';

/**
 * One scan of the page, run in slices by the scheduler. `step` does some work and returns true when
 * `result` is ready; it should return before `deadline` (a performance.now() time) whenever the
 * engine allows. This is the seam where an incremental, time-sliced engine scanner plugs in.
 */
export interface ScanJob {
  step(deadline: number): boolean;
  readonly result: DetailedScan | null;
}

export interface ScanRequest {
  root: Document;
  url: string;
  lang: Lang;
  /** Our own UI, never scanned. */
  skip: (element: Element) => boolean;
}

/**
 * The engine's whole-page scan cut at its natural joint: text collection, then analysis. Each phase
 * is one synchronous call, so a slice is as long as the longer phase on this page.
 * TODO(2025-11-22): use the engine's time-sliced PageScanner when src/scan provides one.
 */
export class WholePageJob implements ScanJob {
  private pages: PageText[] | null = null;
  result: DetailedScan | null = null;

  constructor(private readonly request: ScanRequest) {}

  step(deadline: number): boolean {
    const { root, url, lang, skip } = this.request;
    const options = { url, lang, frames: true, skip };
    if (!this.pages) {
      this.pages = collectPages(root, options);
      if (performance.now() >= deadline) return false;
    }
    this.result = analyzePages(this.pages, options);
    return true;
  }
}
