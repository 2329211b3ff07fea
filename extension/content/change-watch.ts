import { attributeHint, mayHoldHint, subtreeMayHoldHints } from '../../src/scan/hint-words';

/** Tags whose changes never hold text a shopper reads. */
const INERT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);
/** Records looked at one by one per callback; past this a burst is simply "changed". */
const MAX_RECORDS_INSPECTED = 256;
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
    /** Called for every batch of changes, relevant or not (the session checks it is still alive). */
    private readonly onAnyChange: () => void = () => undefined,
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
    this.observer.observe(doc, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ATTRIBUTES,
    });
  }

  private checkUrl(notify: boolean): boolean {
    const url = this.doc.location.href;
    if (url === this.lastUrl) return false;
    this.lastUrl = url;
    if (notify) this.onChange('navigation');
    return true;
  }

  private handle(records: MutationRecord[]): void {
    this.onAnyChange();
    if (this.checkUrl(false)) {
      this.onChange('navigation');
      return;
    }
    if (records.length > MAX_RECORDS_INSPECTED || records.slice(0, MAX_RECORDS_INSPECTED).some((r) => this.relevant(r))) this.onChange('mutation');
  }

  /**
   * Only changes that could alter the verdict start a rescan: text, attributes or nodes that hold a
   * hint (a label, a permit form, a claim, a code) before or after the change. A ticking countdown
   * or a swapped price does not.
   */
  private relevant(r: MutationRecord): boolean {
    if (r.type === 'characterData') {
      if (this.ignore(r.target)) return false;
      const now = (r.target as CharacterData).data;
      return mayHoldHint(now) || (r.oldValue !== null && mayHoldHint(r.oldValue));
    }
    if (r.type === 'attributes') {
      const el = r.target as Element;
      if (this.ignore(el)) return false;
      if (el.tagName === 'IFRAME') return true;
      const now = el.getAttribute(r.attributeName ?? '') ?? '';
      const before = r.oldValue ?? '';
      return r.attributeName === 'href' ? attributeHint(now, '') || attributeHint(before, '') : attributeHint('', now) || attributeHint('', before);
    }
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.some((n) => {
      if (this.ignore(n)) return false;
      if (n.nodeType === 1 && INERT.has((n as Element).tagName)) return false;
      return subtreeMayHoldHints(n);
    });
  }
}
