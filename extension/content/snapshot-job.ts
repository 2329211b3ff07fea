import { runStepsUntil, type Steps } from './slices';
import { snapshotSteps, type TakenSnapshot } from './page-snapshot';

/**
 * One piece of work run in slices by the scheduler. `step` does some work and returns true when
 * `result` is ready; it returns once `deadline` (a performance.now() time) has passed, at the next
 * point where the work lets it stop.
 */
export interface SlicedJob<R> {
  step(deadline: number): boolean;
  readonly result: R | null;
}

/** Reading the page to have it checked (page-snapshot.ts): its HTML, shadow roots and same-origin frames. */
export class SnapshotJob implements SlicedJob<TakenSnapshot> {
  private readonly steps: Steps<TakenSnapshot>;
  result: TakenSnapshot | null = null;

  /** `skip`: our own UI, never read. */
  constructor(doc: Document, skip: (element: Element) => boolean) {
    this.steps = snapshotSteps(doc, skip);
  }

  step(deadline: number): boolean {
    if (this.result) return true;
    const r = runStepsUntil(this.steps, deadline, () => performance.now());
    if (r.done) this.result = r.value;
    return r.done;
  }
}
