/**
 * How long one scan may read (issue 15): a hostile or huge page must not hold the engine, which
 * every tab shares, for more than its turn. The engine asks before each piece of work it could leave
 * out (every thousand nodes, every region, every collected text) and, once the budget is spent,
 * leaves the rest out and answers with what it read. The facts then say so (PageFacts.partial) and
 * the verdict says "only part of this page could be read" (rules/page-partly-read.ts), never
 * "nothing found".
 */
export class ScanBudget {
  private over = false;
  /** Some reading was left out because the budget was spent. */
  stopped = false;

  /** `end` on `now`'s clock (performance.now by default). */
  private constructor(
    private readonly end: number,
    private readonly now: () => number,
  ) {}

  /** A budget of `ms` milliseconds from now. */
  static of(ms: number, now: () => number = () => performance.now()): ScanBudget {
    return new ScanBudget(now() + ms, now);
  }

  /** A budget that is never spent (the default). */
  static unlimited(): ScanBudget {
    return new ScanBudget(Infinity, () => 0);
  }

  /**
   * Asked right before a piece of work that can be left out: false once the budget is spent, and
   * then the caller leaves it out (which `stopped` records).
   */
  allows(): boolean {
    if (!this.over && this.now() > this.end) this.over = true;
    if (this.over) this.stopped = true;
    return !this.over;
  }

  /** allows(), asked every `every`-th call only, so that a loop over 60,000 nodes reads the clock some sixty times. */
  every(every: number): () => boolean {
    let n = 0;
    return () => ++n % every !== 0 || this.allows();
  }
}

/** Why a page was not read to its end: too big for a snapshot, out of time, or nested too deep. */
export type PartialReason = 'size' | 'time' | 'depth';
