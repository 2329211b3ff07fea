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

/** Re-attachments allowed per second: a page that keeps removing us must not make us spin. */
const MAX_REPAIRS_PER_SECOND = 60;

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
  private repairs = 0;
  private repairWindow = 0;
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
    const now = Date.now();
    if (now - this.repairWindow > 1000) {
      this.repairWindow = now;
      this.repairs = 0;
    }
    if (++this.repairs > MAX_REPAIRS_PER_SECOND) {
      // Back off for a moment, then try once more.
      this.guard.disconnect();
      setTimeout(() => !this.destroyed && this.attach(), 1000);
      return;
    }
    const misplaced = this.host.parentNode !== this.doc.documentElement;
    const restyled = this.host.getAttribute('style') !== HOST_STYLE || this.host.attributes.length !== 1;
    if (misplaced || restyled) this.attach();
  }
}
