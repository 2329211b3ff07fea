/** The viewport rectangle of an element, including the offsets of the same-origin frames it sits in. */
export function viewportRect(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && win !== win.top) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      break;
    }
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    x += fr.left + frame.clientLeft;
    y += fr.top + frame.clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return new DOMRect(x, y, Math.max(r.width, 8), Math.max(r.height, 8));
}

/** Scrolls an element (and the frames around it) into the middle of the view. */
export function reveal(el: Element): void {
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  let win: Window | null = el.ownerDocument.defaultView;
  try {
    while (win && win !== win.top && win.frameElement) {
      win.frameElement.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      win = win.frameElement.ownerDocument.defaultView;
    }
  } catch {
    // A cross-origin ancestor: stop there.
  }
}
