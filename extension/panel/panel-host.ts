import { CoverGuard } from './cover-guard';

/**
 * Rich content drawn into our mount by someone else (the panel's Preact tree, rendered when the
 * panel first opens): how to draw it and take it away.
 */
export interface MountRenderer {
  /** Renderers with the same key update one tree in place (Preact keeps its state). */
  readonly key: string;
  render(mount: HTMLElement): void;
  clear(mount: HTMLElement): void;
}

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
 * The host is a manual popover shown in the browser's top layer: inserting an ordinary element into
 * a 50,000-node page makes the next frame re-derive compositing state for the whole page (≈30 ms
 * measured); a top-layer element is laid out apart from it. Manual popovers have no light dismiss.
 */
const POPOVER = 'manual';
const ATTRIBUTES: Record<string, string> = { style: HOST_STYLE, popover: POPOVER };

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
 * root (the page cannot read what we show), our styles inside it, and a mount for our content. If the
 * page removes or restyles the host, it is put back. `destroy()` undoes everything.
 */
export class PanelHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly style: HTMLStyleElement;
  /** What the mount holds: nothing yet, plain DOM (the quiet badge) or a renderer's tree. */
  private content: 'none' | 'plain' | MountRenderer = 'none';
  private readonly guard: MutationObserver;
  private recent: number[] = [];
  private backoff = FIRST_BACKOFF_MS;
  private destroyed = false;
  private backingOff = false;
  private readonly onToggle = () => this.repair();

  private readonly cover: CoverGuard;

  /** `onCovered`: the page keeps drawing over us (true), or has stopped (false); see cover-guard.ts. */
  constructor(
    private readonly doc: Document,
    css: string,
    onCovered: (covered: boolean) => void = () => {},
  ) {
    this.host = doc.createElement(randomName());
    for (const [name, value] of Object.entries(ATTRIBUTES)) this.host.setAttribute(name, value);
    const shadow = this.host.attachShadow({ mode: 'closed' });
    this.style = doc.createElement('style');
    this.style.textContent = css;
    this.mount = doc.createElement('div');
    shadow.append(this.style, this.mount);
    this.guard = new MutationObserver(() => this.repair());
    // hidePopover() changes no attribute: the toggle event is the only sign of it.
    this.host.addEventListener('toggle', this.onToggle);
    this.attach();
    this.cover = new CoverGuard(doc, { host: this.host, raise: () => this.raiseAbove() }, onCovered);
  }

  /** Is this node our host (so scanners and observers can ignore it)? */
  owns(node: Node): boolean {
    return node === this.host;
  }

  /** A node inside our shadow root, for short-lived helpers (the copy fallback's textarea). */
  scratch(): HTMLElement | null {
    return this.destroyed ? null : this.mount;
  }

  /** Replaces our stylesheet (the quiet badge's small one by the panel's). */
  setStyles(css: string): void {
    if (this.style.textContent !== css) this.style.textContent = css;
  }

  /** Shows plain DOM built by the caller. */
  show(node: Node): void {
    if (this.destroyed) return;
    this.clearRich();
    this.content = 'plain';
    this.mount.replaceChildren(node);
  }

  render(renderer: MountRenderer): void {
    if (this.destroyed) return;
    if (this.content === 'plain') this.mount.replaceChildren();
    else if (typeof this.content === 'object' && this.content.key !== renderer.key) this.clearRich();
    this.content = renderer;
    renderer.render(this.mount);
  }

  private clearRich(): void {
    if (typeof this.content === 'object') this.content.clear(this.mount);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.guard.disconnect();
    this.cover.destroy();
    this.host.removeEventListener('toggle', this.onToggle);
    this.clearRich();
    this.host.remove();
  }

  private attach(): void {
    const parent = this.doc.documentElement;
    this.guard.disconnect();
    if (this.host.parentNode !== parent) parent.append(this.host);
    for (const [name, value] of Object.entries(ATTRIBUTES)) if (this.host.getAttribute(name) !== value) this.host.setAttribute(name, value);
    for (const name of this.host.getAttributeNames()) if (!(name in ATTRIBUTES)) this.host.removeAttribute(name);
    this.raise();
    this.guard.observe(parent, { childList: true });
    this.guard.observe(this.host, { attributes: true });
  }

  private repair(): void {
    // While backing off from a fight, only the timer puts us back (not the toggle listener either).
    if (this.destroyed || this.backingOff) return;
    const misplaced = this.host.parentNode !== this.doc.documentElement;
    const restyled = this.host.getAttributeNames().some((name) => this.host.getAttribute(name) !== ATTRIBUTES[name]) || this.host.attributes.length !== Object.keys(ATTRIBUTES).length;
    if (!misplaced && !restyled && this.shown()) return;
    const now = performance.now();
    this.recent = this.recent.filter((t) => now - t < BURST_MS);
    this.recent.push(now);
    if (this.recent.length > BURST) {
      this.guard.disconnect();
      this.recent = [];
      this.backingOff = true;
      setTimeout(() => {
        this.backingOff = false;
        if (!this.destroyed) this.attach();
      }, this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      return;
    }
    this.attach();
  }

  /** In the top layer (or, in a browser without popovers, simply in the page). */
  private shown(): boolean {
    return typeof this.host.showPopover !== 'function' || this.host.matches(':popover-open');
  }

  /** Shown again, so on top of whatever the page put in the top layer since (cover-guard.ts). */
  private raiseAbove(): void {
    if (this.destroyed || typeof this.host.showPopover !== 'function') return;
    try {
      if (this.shown()) this.host.hidePopover();
      this.host.showPopover();
    } catch {
      // The page made it invalid for a moment: the repair puts it back.
    }
  }

  private raise(): void {
    if (this.shown()) return;
    try {
      this.host.showPopover();
    } catch {
      // Not connected yet, or the page made it invalid: the next repair tries again.
    }
  }
}
