/**
 * Where the panel goes when it opens by itself: in the corner the user chose, unless that would
 * cover the page's own buy or cart button (a warning that hides the button it warns about invites
 * the user to close it unread); then the other corner; if both would cover one, the compact card.
 */
export type Side = 'left' | 'right';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  side: Side;
  /** Both corners would cover a buy button at full height: open as the compact card. */
  compact: boolean;
}

/** The panel's margin from the viewport's edges and its width (panel-styles.ts). */
const MARGIN = 16;
const WIDTH = 380;

/** The rectangle the panel would take in a corner of a viewport, `height` px tall. */
export function panelRect(side: Side, height: number, viewport: { width: number; height: number }): Rect {
  const width = Math.min(WIDTH, viewport.width - 2 * MARGIN);
  const bottom = viewport.height - MARGIN;
  const top = Math.max(MARGIN, bottom - height);
  return side === 'right' ? { left: viewport.width - MARGIN - width, right: viewport.width - MARGIN, top, bottom } : { left: MARGIN, right: MARGIN + width, top, bottom };
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Chooses a corner (and whether to go compact) that covers none of `obstacles`. */
export function choosePlacement(preferred: Side, heights: { full: number; compact: number }, viewport: { width: number; height: number }, obstacles: readonly Rect[]): Placement {
  const other: Side = preferred === 'right' ? 'left' : 'right';
  const free = (side: Side, height: number) => !obstacles.some((o) => overlaps(panelRect(side, height, viewport), o));
  for (const side of [preferred, other]) if (free(side, heights.full)) return { side, compact: false };
  for (const side of [preferred, other]) if (free(side, heights.compact)) return { side, compact: true };
  return { side: preferred, compact: true };
}

/** Words of the page's own buy and cart controls (Simplified, Traditional, English). */
const BUY_WORDS = /立即(?:购买|購買|抢购|搶購|下单|下單|支付|预订|預訂)|马上抢|馬上搶|抢购|搶購|^\s*(?:购买|購買|下单|下單)\s*$|加入(?:购物车|購物車|购物袋)|去结算|去結算|提交订单|提交訂單|buy now|add to (?:cart|bag|basket)|checkout/i;

/** Controls looked at, at most: a listing with a button per item must not cost the page much. */
const MAX_CONTROLS = 400;

/** The on-screen rectangles of the page's buy and cart buttons (ours excluded: they are in our shadow root). */
export function buyButtonRects(doc: Document, viewport: { width: number; height: number }): Rect[] {
  const out: Rect[] = [];
  const controls = doc.querySelectorAll('button, a[href], input[type="submit"], input[type="button"], [role="button"]');
  for (let i = 0; i < controls.length && i < MAX_CONTROLS; i++) {
    const el = controls[i] as HTMLElement;
    const words = `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''} ${(el as HTMLInputElement).value ?? ''}`.trim();
    if (words.length > 200 || !BUY_WORDS.test(words)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > viewport.height || r.right < 0 || r.left > viewport.width) continue;
    out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return out;
}
