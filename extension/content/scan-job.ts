import type { Lang } from '../../src/i18n/lang';
import { scanSteps, type DetailedScan } from '../../src/scan/scan-page';
import { runStepsUntil, type Steps } from '../../src/scan/steps';

/**
 * One scan of the page, run in slices by the scheduler. `step` does some work and returns true when
 * `result` is ready; it returns once `deadline` (a performance.now() time) has passed, at the next
 * point where the engine lets it stop.
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
 * The engine's whole-page scan (src/scan scanSteps): native text and hints, the regions around
 * them, open shadow roots and same-origin frames, the analysis and the page rules, as a generator
 * of short steps that this job runs until each slice's deadline.
 */
export class SlicedPageJob implements ScanJob {
  private readonly steps: Steps<DetailedScan>;
  result: DetailedScan | null = null;

  constructor(request: ScanRequest) {
    this.steps = scanSteps(request.root, { url: request.url, lang: request.lang, skip: request.skip, frames: true });
  }

  step(deadline: number): boolean {
    if (this.result) return true;
    const r = runStepsUntil(this.steps, deadline, () => performance.now());
    if (r.done) this.result = r.value;
    return r.done;
  }
}
