import { render, type ComponentChild } from 'preact';

/** Inline style of the host: page CSS cannot beat an inline !important, and `all: initial` drops inheritance. */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'inset: 0',
  'width: 100vw',
  'height: 100vh',
  'pointer-events: none',
  'z-index: 2147483647',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'contain: layout style',
]
  .map((d) => `${d} !important`)
  .join('; ');

/**
 * A page that removes us from its own MutationObserver would otherwise ping-pong with us in
 * microtasks forever: more than BURST repairs within BURST_MS is a fight, and we back off (doubling
 * up to MAX_BACKOFF_MS). A page that removes us on a timer is simply repaired every time.
 */
const BURST = 5;
const BURST_MS = 100;
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 16_000;

function randomName(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return 'lz-' + Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * The one container of our UI on a shop page: an element with a random custom name, a CLOSED shadow
 * root (the page cannot read what we show), our styles inside it, and a Preact render root. If the
 * page removes or restyles the host, it is put back. `destroy()` undoes everything.
 */
export class PanelHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly guard: MutationObserver;
  private recent: number[] = [];
  private backoff = FIRST_BACKOFF_MS;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.host = doc.createElement(randomName());
    this.host.setAttribute('style', HOST_STYLE);
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = css;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
    this.guard = new MutationObserver(() => this.repair());
    this.attach();
  }

  /** Is this node our host (so scanners and observers can ignore it)? */
  owns(node: Node): boolean {
    return node === this.host;
  }

  /** A node inside our shadow root, for short-lived helpers (the copy fallback's textarea). */
  scratch(): HTMLElement | null {
    return this.destroyed ? null : this.mount;
  }

  render(vnode: ComponentChild): void {
    if (!this.destroyed) render(vnode, this.mount);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.guard.disconnect();
    render(null, this.mount);
    this.host.remove();
  }

  private attach(): void {
    const parent = this.doc.documentElement;
    this.guard.disconnect();
    if (this.host.parentNode !== parent) parent.append(this.host);
    if (this.host.getAttribute('style') !== HOST_STYLE) this.host.setAttribute('style', HOST_STYLE);
    for (const name of this.host.getAttributeNames()) if (name !== 'style') this.host.removeAttribute(name);
    this.guard.observe(parent, { childList: true });
    this.guard.observe(this.host, { attributes: true });
  }

  private repair(): void {
    if (this.destroyed) return;
    const misplaced = this.host.parentNode !== this.doc.documentElement;
    const restyled = this.host.getAttribute('style') !== HOST_STYLE || this.host.attributes.length !== 1;
    if (!misplaced && !restyled) return;
    const now = performance.now();
    this.recent = this.recent.filter((t) => now - t < BURST_MS);
    this.recent.push(now);
    if (this.recent.length > BURST) {
      this.guard.disconnect();
      this.recent = [];
      setTimeout(() => !this.destroyed && this.attach(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      return;
    }
    this.attach();
  }

}
