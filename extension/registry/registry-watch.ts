import type { RegistryReading } from '../../src/feed/registry-answer';
import { readRegistryPage } from '../../src/registries/read-registry-page';

/** Quiet time after the page's last change before it is read (registries render results in steps). */
const SETTLE_MS = 700;
/** How long a result page must stay unreadable before we say so (it may still be rendering). */
const UNREADABLE_AFTER_MS = 5000;

/**
 * Watches a registry page (result pages appear after the shopper passes the site's own check, often
 * without a navigation) and hands on each new reading: every new answer at once, an unreadable result
 * page only once it has stayed so, and nothing for a page that is no result (search form, captcha).
 */
export class RegistryWatch {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = '';
  private unreadableSince: number | null = null;
  private readonly observer: MutationObserver;

  constructor(
    private readonly doc: Document,
    private readonly deliver: (url: string, reading: RegistryReading) => void,
  ) {
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    doc.defaultView?.addEventListener('hashchange', () => this.schedule());
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delay = SETTLE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.read(), delay);
  }

  private read(): void {
    this.timer = null;
    const url = this.doc.location.href;
    const reading = readRegistryPage(this.doc, url);
    if (reading.state === 'answer') {
      this.unreadableSince = null;
      this.send(url, reading);
    } else if (reading.state === 'unreadable') {
      const now = Date.now();
      this.unreadableSince ??= now;
      if (now - this.unreadableSince >= UNREADABLE_AFTER_MS) this.send(url, reading);
      else this.schedule(UNREADABLE_AFTER_MS - (now - this.unreadableSince));
    } else this.unreadableSince = null;
  }

  private send(url: string, reading: RegistryReading): void {
    const key = `${url}\n${JSON.stringify(reading)}`;
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.deliver(url, reading);
  }
}
