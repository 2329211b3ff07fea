/** How long "已隐藏 · 撤销" stays on the page after the panel was hidden on a site. */
export const TOAST_MS = 10_000;

/** The toast's styles (added to the quiet badge's in our shadow root). */
export const TOAST_CSS = `
.lz-toast-bar { pointer-events: auto; position: fixed; bottom: 16px; right: 16px; display: inline-flex; align-items: center; gap: 10px;
  padding: 8px 8px 8px 14px; border-radius: 8px; background: #1f2328; color: #ffffff; font-size: 13px; box-shadow: 0 4px 14px rgba(0,0,0,.3); }
.lz-side-left .lz-toast-bar { right: auto; left: 16px; }
.lz-toast-bar button { font: inherit; border: 1px solid #8ab4f8; background: transparent; color: #8ab4f8; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.lz-toast-bar button:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 2px; }
`;

/**
 * "已隐藏 · 撤销": plain DOM (no Preact render for a toast), in the same layer as the pill so it sits
 * in the same corner.
 */
export function hiddenToast(doc: Document, p: { lang: string; side: 'left' | 'right'; text: string; undo: string; undoLabel: string; onUndo: () => void }): HTMLElement {
  const layer = doc.createElement('div');
  layer.className = `lz lz-layer lz-side-${p.side}`;
  layer.lang = p.lang;
  const bar = doc.createElement('div');
  bar.className = 'lz-toast-bar';
  bar.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = `${p.text} ·`;
  const undo = doc.createElement('button');
  undo.type = 'button';
  undo.textContent = p.undo;
  // The accessible name starts with the visible word, and says what comes back.
  undo.setAttribute('aria-label', p.undoLabel);
  undo.dataset.action = 'undo-hide';
  undo.addEventListener('click', p.onUndo);
  bar.append(text, undo);
  layer.append(bar);
  return layer;
}
