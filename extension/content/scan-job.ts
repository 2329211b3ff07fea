import type { Lang } from '../../src/i18n/lang';
import { collectText, type PageText } from '../../src/scan/collect-text';
import { analyzePages, collectPages, type DetailedScan, type ScanOptions } from '../../src/scan/scan-page';

/**
 * One scan of the page, run in slices by the scheduler. `step` does some work and returns true when
 * `result` is ready; it returns once `deadline` (a performance.now() time) has passed, at the next
 * point where the engine lets it stop. This is the seam where an incremental engine scanner plugs in.
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

/** Elements checked between two looks at the clock while searching for shadow roots and frames. */
const CHECK_EVERY = 512;

/**
 * The engine's whole-page scan, cut into slices:
 *   1. the document's text (the engine's native-text fast path; one call, cannot stop midway),
 *   2. open shadow roots and same-origin frames, found by a walk over every element that stops at
 *      the deadline and resumes in the next slice (on a 200,000-node page this walk alone costs more
 *      than a frame's budget, which is why it is not left inside collectPages),
 *   3. the analysis of everything collected.
 * TODO(2025-11-22): replace with the engine's time-sliced PageScanner once src/scan offers one;
 * step 1 is then sliced too (today ~80 ms on a 200,000-node page, ~15 ms on 50,000).
 */
export class SlicedPageJob implements ScanJob {
  private pages: PageText[] | null = null;
  private elements: HTMLCollectionOf<Element> | null = null;
  private next = 0;
  result: DetailedScan | null = null;
  private readonly options: ScanOptions;

  constructor(private readonly request: ScanRequest) {
    this.options = { url: request.url, lang: request.lang, skip: request.skip, frames: true };
  }

  step(deadline: number): boolean {
    if (!this.pages) {
      this.pages = collectPages(this.request.root, { ...this.options, frames: false });
      const base = this.request.root.body ?? this.request.root.documentElement;
      this.elements = base ? base.getElementsByTagName('*') : null;
      if (performance.now() >= deadline) return false;
    }
    if (this.elements && !this.collectExtras(deadline)) return false;
    this.result = analyzePages(this.pages, this.options);
    return true;
  }

  /** Reads shadow roots and same-origin frames; false when the deadline stopped it first. */
  private collectExtras(deadline: number): boolean {
    const elements = this.elements!;
    const pages = this.pages!;
    while (this.next < elements.length) {
      if (this.next % CHECK_EVERY === 0 && this.next > 0 && performance.now() >= deadline) return false;
      const el = elements[this.next++]!;
      const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (shadow) pages.push(collectText(shadow, this.options));
      else if (el.tagName === 'IFRAME') {
        try {
          const doc = (el as HTMLIFrameElement).contentDocument;
          if (doc?.body) pages.push(...collectPages(doc, this.options));
        } catch {
          // Cross-origin frame: not ours to read.
        }
      }
    }
    this.elements = null;
    return true;
  }
}
