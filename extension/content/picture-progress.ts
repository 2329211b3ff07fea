import type { PictureEngineStatus } from '../protocol/messages';

/** How often the reader's status is asked while its first model load is under way. */
export const PROGRESS_EVERY_MS = 400;

/**
 * Asks the picture reader's status (getPictureStatus, through the worker) while pictures are being
 * read, until the reader is ready (the models are loaded: nothing left to show but "reading") or
 * `stop()`. One question at a time; the answer goes to `onStatus`. The answers stay in the content
 * script's world and our closed panel: the shop page can neither ask nor read them.
 */
export class PictureProgress {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly ask: () => Promise<PictureEngineStatus>,
    private readonly onStatus: (status: PictureEngineStatus) => void,
    private readonly everyMs = PROGRESS_EVERY_MS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.poll();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private async poll(): Promise<void> {
    if (!this.running) return;
    let status: PictureEngineStatus | null = null;
    try {
      status = await this.ask();
    } catch {
      // The worker was restarting: ask again on the next tick.
    }
    if (!this.running) return;
    if (status) this.onStatus(status);
    if (status && (status.phase === 'ready' || status.phase === 'failed')) return void (this.running = false);
    this.timer = setTimeout(() => void this.poll(), this.everyMs);
  }
}
