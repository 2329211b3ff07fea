/**
 * Keeps our panel above what the page puts in the top layer later (issue 15). Our host is a
 * popover in the browser's top layer, where the last element shown is drawn on top: a page that
 * opens a popover, a modal <dialog> or goes fullscreen after us could draw a fake "✓ 已核验" pill
 * over the danger panel, or hide it. The browser tells us when that happens — `toggle` (popovers
 * and, in current browsers, dialogs; caught in the capture phase, since it does not bubble), an
 * `open` attribute on a dialog, `fullscreenchange` — and a light check (does anything of the page's
 * sit in the top layer now?) confirms it; then our host is shown again, which puts it on top.
 *
 * A page that answers by covering us again every time is fighting: after BURST raises within
 * BURST_MS the guard stops raising for a while and says `covered` (the content script has the
 * toolbar badge, which no page can draw over, pulse an alert), and tries again later.
 */
const BURST = 6;
const BURST_MS = 2000;
const REST_MS = 3000;

/** Our own host, and whether anything of the page's is in the top layer. */
export interface CoverGuardHost {
  readonly host: HTMLElement;
  /** Shows the host again, on top of the top layer. */
  raise(): void;
}

export class CoverGuard {
  private recent: number[] = [];
  private resting = false;
  private pending = false;
  private destroyed = false;
  private readonly observer: MutationObserver;
  private readonly onEvent = (e: Event) => {
    if (e.target !== this.target.host) this.check();
  };

  constructor(
    private readonly doc: Document,
    private readonly target: CoverGuardHost,
    private readonly onCovered: (covered: boolean) => void,
  ) {
    doc.addEventListener('toggle', this.onEvent, true);
    doc.addEventListener('fullscreenchange', this.onEvent, true);
    // A dialog shown with showModal() gets an `open` attribute (for browsers that fire no toggle on it).
    this.observer = new MutationObserver(() => this.check());
    this.observer.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.removeEventListener('toggle', this.onEvent, true);
    this.doc.removeEventListener('fullscreenchange', this.onEvent, true);
    this.observer.disconnect();
  }

  /** Once per task, however many events came: is the page in the top layer, and must we go above it? */
  private check(): void {
    if (this.pending || this.destroyed) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.destroyed || this.resting || !this.pageInTopLayer()) return;
      const now = performance.now();
      this.recent = this.recent.filter((t) => now - t < BURST_MS);
      this.recent.push(now);
      if (this.recent.length > BURST) {
        // A fight: stop for a while (every raise would only invite another cover) and say so.
        this.resting = true;
        this.recent = [];
        this.onCovered(true);
        setTimeout(() => {
          this.resting = false;
          if (this.destroyed) return;
          this.target.raise();
          if (!this.pageInTopLayer()) this.onCovered(false);
        }, REST_MS);
        return;
      }
      this.target.raise();
    });
  }

  /** The light check: an open popover, modal dialog or fullscreen element of the page's. */
  private pageInTopLayer(): boolean {
    const host = this.target.host;
    if (this.doc.fullscreenElement && this.doc.fullscreenElement !== host) return true;
    for (const el of Array.from(this.doc.querySelectorAll(':modal, :popover-open'))) if (el !== host) return true;
    return false;
  }
}
