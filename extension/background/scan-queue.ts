/** What a job that was replaced by a newer one of the same tab resolves to. */
export const SUPERSEDED = Symbol('superseded');

interface Waiting {
  job: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Page scans, one at a time and fair to every tab (issue 15). The engine is one document for the
 * whole browser (Chrome's offscreen document, Firefox's background page): a scan sent while another
 * runs simply waits in its message queue, so a tab that sends many large snapshots would delay every
 * other tab's verdict behind all of them. Here each tab has at most one scan running or waiting;
 * a newer snapshot of a tab replaces its waiting one (which answers SUPERSEDED: the content script
 * only shows its newest reading anyway) and goes behind the tabs already waiting; the job that came
 * first goes next. A tab therefore waits for the scan running now and at most one scan of each other
 * tab, and each scan is cut at its budget (extension/offscreen/scan-snapshot.ts).
 */
export class ScanQueue {
  private running = false;
  /** In order of when each tab's newest job came. */
  private readonly waiting = new Map<number, Waiting>();

  /** Runs `job` for `tab` in its turn; SUPERSEDED when a newer job of the same tab replaced it first. */
  run<T>(tab: number, job: () => Promise<T>): Promise<T | typeof SUPERSEDED> {
    return new Promise((resolve, reject) => {
      const replaced = this.waiting.get(tab);
      if (replaced) {
        replaced.resolve(SUPERSEDED);
        // A newer snapshot is a new request: it goes behind the tabs already waiting.
        this.waiting.delete(tab);
      }
      this.waiting.set(tab, { job, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  /** The tab closed: its waiting job will not run. */
  forgetTab(tab: number): void {
    this.waiting.get(tab)?.resolve(SUPERSEDED);
    this.waiting.delete(tab);
  }

  private next(): void {
    if (this.running) return;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [tab, { job, resolve, reject }] = first.value;
    this.waiting.delete(tab);
    this.running = true;
    job()
      .then(resolve, reject)
      .finally(() => {
        this.running = false;
        this.next();
      });
  }
}
