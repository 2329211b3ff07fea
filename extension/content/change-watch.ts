/** Tags whose changes never hold text a shopper reads. */
const INERT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);
/** Records looked at one by one per callback; past this a burst is simply "changed". */
const MAX_RECORDS_INSPECTED = 64;
const ATTRIBUTES = ['href', 'alt', 'title', 'aria-label', 'src'];

/**
 * Watches the document and its same-origin frames for changes that can alter the verdict, and the
 * URL for single-page navigations. The callback is cheap: it decides "relevant or not" on at most a
 * few records and leaves all real work to the scheduler.
 */
export class ChangeWatch {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Document>();
  private lastUrl: string;
  private readonly onEvent = () => this.checkUrl(true);
  private readonly onFrameLoad = (e: Event) => {
    if ((e.target as Element | null)?.tagName === 'IFRAME') {
      this.observeFrames();
      this.onChange('frame');
    }
  };

  constructor(
    private readonly doc: Document,
    private readonly ignore: (node: Node) => boolean,
    private readonly onChange: (reason: 'mutation' | 'navigation' | 'frame') => void,
  ) {
    this.lastUrl = doc.location.href;
    // The document's own window's observer (the global one in a content script).
    const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.handle(records));
    this.observe(doc);
    const win = doc.defaultView;
    win?.addEventListener('popstate', this.onEvent);
    win?.addEventListener('hashchange', this.onEvent);
    // load does not bubble, but a capturing listener on the document sees iframes finish loading.
    doc.addEventListener('load', this.onFrameLoad, true);
  }

  /** Starts watching same-origin frames that appeared since the last call. */
  observeFrames(): void {
    for (const frame of Array.from(this.doc.getElementsByTagName('iframe'))) {
      try {
        const inner = frame.contentDocument;
        if (inner) this.observe(inner);
      } catch {
        // Cross-origin: not readable, and not ours to watch.
      }
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    const win = this.doc.defaultView;
    win?.removeEventListener('popstate', this.onEvent);
    win?.removeEventListener('hashchange', this.onEvent);
    this.doc.removeEventListener('load', this.onFrameLoad, true);
  }

  private observe(doc: Document): void {
    if (this.observed.has(doc)) return;
    this.observed.add(doc);
    this.observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  }

  private checkUrl(notify: boolean): boolean {
    const url = this.doc.location.href;
    if (url === this.lastUrl) return false;
    this.lastUrl = url;
    if (notify) this.onChange('navigation');
    return true;
  }

  private handle(records: MutationRecord[]): void {
    if (this.checkUrl(false)) {
      this.onChange('navigation');
      return;
    }
    if (records.length > MAX_RECORDS_INSPECTED || records.slice(0, MAX_RECORDS_INSPECTED).some((r) => this.relevant(r))) this.onChange('mutation');
  }

  private relevant(r: MutationRecord): boolean {
    if (r.type !== 'childList') return !this.ignore(r.target);
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.some((n) => {
      if (this.ignore(n)) return false;
      if (n.nodeType === 3) return /\S/.test((n as Text).data);
      return n.nodeType === 1 && !INERT.has((n as Element).tagName);
    });
  }
}
