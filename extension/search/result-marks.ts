import type { ListingSite } from '../../src/platforms/listings/listing-site';
import { MAX_MARK_BATCH } from '../protocol/block-messages';
import { send } from '../protocol/send';
import { extensionAlive } from '../browser/native-api';
import { markElement, MARK_ATTR } from './mark-element';

/** Results added later (infinite scroll) are gathered this long before one lookup for all of them. */
const SETTLE_MS = 150;

/**
 * Marks a search or listing page's results: each result is read once (its target and title), the
 * targets of all new results go to the worker in one batch (looked up there, on the device), and a
 * mark goes after the title of each result the lists name. A MutationObserver brings results the
 * page adds later (infinite scroll, a next page loaded in place); our own marks are skipped.
 */
export class ResultMarks {
  private readonly seen = new WeakSet<Element>();
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly site: ListingSite,
  ) {}

  start(): void {
    this.scan();
    this.observer = new MutationObserver((records) => {
      // Our own marks appearing are no news.
      if (records.every((r) => [...r.addedNodes].every((n) => n instanceof Element && n.hasAttribute(MARK_ATTR)))) return;
      this.timer ??= setTimeout(() => {
        this.timer = null;
        if (!extensionAlive()) return this.stop();
        this.scan();
      }, SETTLE_MS);
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
  }

  stop(): void {
    this.observer?.disconnect();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Reads the results not seen yet and asks for their marks, a batch at a time. */
  private scan(): void {
    const page = new URL(this.doc.location.href);
    const fresh: { title: Element; url: string }[] = [];
    for (const result of this.doc.querySelectorAll(this.site.results)) {
      if (this.seen.has(result)) continue;
      this.seen.add(result);
      const url = this.site.target(result, page);
      const title = url && result.querySelector(this.site.title);
      if (url && title) fresh.push({ title, url });
    }
    for (let i = 0; i < fresh.length; i += MAX_MARK_BATCH) void this.mark(fresh.slice(i, i + MAX_MARK_BATCH));
  }

  private async mark(batch: { title: Element; url: string }[]): Promise<void> {
    const { marks } = await send('markSearchResults', { urls: batch.map((b) => b.url) }).catch(() => ({ marks: [] }));
    marks.forEach((mark, i) => {
      const title = batch[i]!.title;
      if (mark && title.isConnected && !title.nextElementSibling?.hasAttribute(MARK_ATTR)) title.after(markElement(this.doc, mark));
    });
  }
}
