/**
 * Everything the content script draws, as a module of its own (dist: extension/panel/panel.js,
 * web-accessible), imported the first time something is drawn on a page: our host element, the
 * pill, the "已隐藏 · 撤销" toast, Preact, the panel and their styles cost a page where nothing is
 * drawn (every good page) nothing, not even their compilation. Its version must match the content
 * script's (both ship in the same build).
 */
import { h, render } from 'preact';
import { PanelHost, type MountRenderer } from './panel-host';
import { QUIET_CSS } from './panel-styles';
import { hiddenToast, TOAST_CSS, TOAST_MS } from './hidden-toast';
import { quietBadge, quietBadgeContent } from './quiet-badge';
import { PanelApp, type PanelProps } from './panel-app';
import { PANEL_CSS } from './panel-styles';
import { makeCopy } from './clipboard';
import { buyButtonRects, choosePlacement, type Placement, type Side } from './placement';
import type { Level } from '../../src/types';

export interface PanelModule {
  css: string;
  /** The pill's styles (no Preact), and the toast's. */
  quietCss: string;
  toastCss: string;
  toastMs: number;
  PanelHost: typeof PanelHost;
  quietBadge: typeof quietBadge;
  quietBadgeContent: typeof quietBadgeContent;
  hiddenToast: typeof hiddenToast;
  /** Where the panel opens by itself on this page (never over the page's buy button). */
  placement(doc: Document, preferred: Side, level: Level): Placement;
  /** A renderer of the panel with these props; `scratch` is a node inside our shadow root (copy fallback). */
  panel(props: Omit<PanelProps, 'copy'>, scratch: () => HTMLElement | null): MountRenderer;
}

export const css = PANEL_CSS;
export const quietCss = QUIET_CSS;
export const toastCss = TOAST_CSS;
export const toastMs = TOAST_MS;
export { PanelHost, quietBadge, quietBadgeContent, hiddenToast };

/** Heights of the panel (panel-styles.ts): whole, and the compact card (danger's also holds the safe actions). */
const HEIGHTS = { full: 640, compact: 220, compactDanger: 340 };

export function placement(doc: Document, preferred: Side, level: Level): Placement {
  const viewport = { width: doc.documentElement.clientWidth || innerWidth, height: doc.documentElement.clientHeight || innerHeight };
  // A narrow window gets the bottom sheet (CSS), across the whole width: no corner to choose.
  if (viewport.width < 480) return { side: preferred, compact: level !== 'danger' };
  const heights = level === 'danger' ? { full: HEIGHTS.full, compact: HEIGHTS.compactDanger } : { full: HEIGHTS.compact, compact: HEIGHTS.compact };
  return choosePlacement(preferred, heights, viewport, buyButtonRects(doc, viewport));
}

export function panel(props: Omit<PanelProps, 'copy'>, scratch: () => HTMLElement | null): MountRenderer {
  return {
    key: 'panel',
    render: (mount) => render(h(PanelApp, { ...props, copy: makeCopy(scratch) }), mount),
    clear: (mount) => render(null, mount),
  };
}
