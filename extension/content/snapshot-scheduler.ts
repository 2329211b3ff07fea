import type { SlicedJob } from './snapshot-job';

export interface SchedulerOptions {
  /** Work per idle slice, in ms (a slice may run longer only when the engine cannot stop sooner). */
  sliceMs: number;
  /** Quiet time after the last change before the page is read again. */
  debounceMs: number;
  /** A page that never stops changing is still read again this often. */
  maxWaitMs: number;
  /** Largest share of main-thread time reading the page may take over a burst of changes (0–1). */
  dutyCycle: number;
}

export const DEFAULT_SCHEDULE: SchedulerOptions = { sliceMs: 12, debounceMs: 300, maxWaitMs: 3000, dutyCycle: 0.2 };

type Idle = (cb: (deadline: { timeRemaining(): number }) => void) => void;

const idle: Idle =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 1000 })
    : (cb) => setTimeout(() => cb({ timeRemaining: () => 8 }), 1);

/**
 * Reads the page (takes its snapshot) in idle-time slices. Changes are debounced; a burst of changes
 * costs one new reading; after a reading that took C ms the next waits at least C·(1/duty − 1) ms, so a page flooding us with mutations
 * cannot keep its main thread busy with our work.
 */
export class SnapshotScheduler<R> {
  private job: SlicedJob<R> | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private earliest = 0;
  private cost = 0;
  private destroyed = false;

  constructor(
    private readonly makeJob: () => SlicedJob<R>,
    private readonly onResult: (result: R) => void,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULE,
  ) {}

  /** Asks for a reading soon; `now` skips the debounce (first reading, navigation). */
  request(now = false): void {
    if (this.destroyed) return;
    this.dirty = true;
    if (this.job) return; // picked up when the running reading finishes
    const t = performance.now();
    if (!this.firstPending) this.firstPending = t;
    const wanted = now ? t : Math.min(t + this.options.debounceMs, this.firstPending + this.options.maxWaitMs);
    const at = Math.max(wanted, this.earliest);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.begin(), Math.max(0, at - t));
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.job = null;
  }

  private begin(): void {
    if (this.destroyed || this.job) return;
    this.dirty = false;
    this.firstPending = 0;
    this.cost = 0;
    this.job = this.makeJob();
    idle((d) => this.slice(d));
  }

  private slice(d: { timeRemaining(): number }): void {
    const job = this.job;
    if (this.destroyed || !job) return;
    const start = performance.now();
    const budget = Math.max(4, Math.min(this.options.sliceMs, d.timeRemaining()));
    const done = job.step(start + budget);
    if (!done) {
      this.cost += performance.now() - start;
      idle((next) => this.slice(next));
      return;
    }
    this.job = null;
    // What the result costs to hand on (sending the page to be scanned) counts towards the duty cycle.
    if (job.result) this.onResult(job.result);
    const end = performance.now();
    this.cost += end - start;
    this.earliest = end + this.cost * (1 / this.options.dutyCycle - 1);
    if (this.dirty) {
      this.dirty = false;
      this.request();
    }
  }
}
