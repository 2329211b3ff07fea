/**
 * Long scans are generators that yield between short steps: node code and tests drain them in one
 * go, the content script runs them a slice at a time so that no task of ours blocks the page long.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs steps until `deadline` (a performance.now() time) passes; the value once done. */
export function runStepsUntil<T>(steps: Steps<T>, deadline: number, now: () => number): { done: true; value: T } | { done: false } {
  do {
    const r = steps.next();
    if (r.done) return { done: true, value: r.value };
  } while (now() < deadline);
  return { done: false };
}
