/**
 * A job that never runs side by side with itself: a call while it runs asks for one more pass after
 * it (however many calls came), and every caller gets the promise of the passes running now.
 */
export class CoalescedRun {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly once: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.once();
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** The passes running now, if any (resolved at once when idle). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
