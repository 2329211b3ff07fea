/**
 * Work that runs in slices: a generator that yields between short steps. Only the content script's
 * snapshot of the page (page-snapshot.ts) runs this way, on the shop page's own main thread, so
 * that no task of ours blocks the page long; everything else (the engine included) runs whole.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now (tests). */
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
