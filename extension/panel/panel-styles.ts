import { VERDICT_BASE_CSS, VERDICT_CSS } from '../ui/verdict-styles';

/** The full-viewport layer that holds the pill, the panel and the evidence mark. */
const LAYER_CSS = `
.lz.lz-layer { position: fixed; inset: 0; pointer-events: none; background: transparent; }
`;

const CARD_CSS = `
.lz-panel { pointer-events: auto; position: fixed; right: 16px; bottom: 16px; width: 380px; max-width: calc(100vw - 32px);
  max-height: min(640px, calc(100vh - 32px)); display: flex; flex-direction: column; border-radius: 12px; overflow: hidden;
  box-shadow: 0 12px 32px rgba(0,0,0,.28), 0 2px 6px rgba(0,0,0,.18); border: 1px solid var(--line); background: var(--bg); }
.lz-panel:focus { outline: none; }
.lz-panel:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.lz-side-left .lz-panel, .lz-side-left .lz-pill { right: auto; left: 16px; }
.lz-panel[data-view="compact"] { max-height: min(240px, calc(100vh - 32px)); }
/* Danger's compact card also holds the safe actions: room for them, the top finding's head and the footer. */
.lz[data-level="danger"] .lz-panel[data-view="compact"] { max-height: min(360px, calc(100vh - 32px)); }
.lz-panel > header, .lz-safe, .lz-panel > footer, .lz-confirm { flex: none; }
.lz-panel .lz-scroll { overflow-y: auto; flex: 1; }
.lz-panel h2.lz-title { margin: 1px 0 2px; }
.lz-detail { font-weight: 400; }
.lz-top { margin-top: 8px; }
/* "查看全部" stays in view at the foot of the compact card however long its top finding is. */
.lz-view-all { margin-top: 8px; position: sticky; bottom: 0; width: 100%; box-shadow: 0 0 0 8px var(--bg); }
.lz-handle { display: none; }
.lz-safe { display: grid; gap: 6px; padding: 10px 14px; border-bottom: 1px solid var(--line); }
.lz-primary { font-weight: 700; font-size: 14px; border: 0; border-radius: 8px; padding: 9px 12px; background: var(--accent); color: #fff !important; }
.lz-primary:hover { filter: brightness(1.08); }
.lz-secondary { display: block; text-align: center; font-weight: 600; border: 1px solid var(--accent); border-radius: 8px; padding: 7px 12px; text-decoration: none; color: var(--fg) !important; background: var(--bg); }
.lz-proceed { justify-self: center; }
.lz-confirm { border-top: 1px solid var(--line); padding: 8px 14px; font-size: 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.lz-confirm p { margin: 0; flex-basis: 100%; font-weight: 600; }
.lz-sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) { .lz .lz-primary { color: #1f2023 !important; } }
/* A narrow window: a bottom sheet across the width, at most half the height, with a handle. */
@media (max-width: 480px) {
  .lz .lz-panel, .lz-side-left .lz-panel { left: 0; right: 0; bottom: 0; width: auto; max-width: none; max-height: 50vh; border-radius: 14px 14px 0 0; }
  .lz .lz-panel[data-view="compact"] { max-height: min(240px, 50vh); }
  .lz-handle { display: block; align-self: center; width: 44px; height: 18px; border: 0; padding: 7px 0; background: var(--bg) content-box; margin: 0; flex: none; }
  .lz-handle::before { content: ""; display: block; height: 4px; border-radius: 2px; background: var(--muted); }
}
`;

/** The collapsed panel: a pill with the shield, the name and the count of findings. */
const PILL_CSS = `
.lz-pill { pointer-events: auto; position: fixed; right: 16px; bottom: 16px; display: inline-flex; align-items: center; gap: 6px;
  height: 40px; padding: 0 12px 0 8px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg);
  box-shadow: 0 4px 14px rgba(0,0,0,.22); color: var(--fg); font-weight: 600; font-size: 12px; }
.lz-pill svg { width: 24px; height: 24px; color: var(--accent); }
.lz-pill:hover { border-color: var(--accent); }
.lz-count { min-width: 18px; height: 18px; padding: 0 5px; border-radius: 9px; background: var(--accent); color: #fff; font-size: 11px; line-height: 18px; text-align: center; }
.lz[data-level="caution"] .lz-count { color: #1f2328; }
@media (prefers-color-scheme: dark) { .lz .lz-count { color: #1f2023; } }
`;

const MARK_CSS = `
.lz-mark { position: fixed; pointer-events: none; border: 3px solid var(--accent); border-radius: 4px; box-shadow: 0 0 0 4px rgba(255,255,255,.7), 0 0 0 9999px rgba(0,0,0,.08); transition: opacity .4s; }
@media (prefers-reduced-motion: reduce) { .lz-mark { transition: none; } }
`;

/** Panel-only layout on top of the shared verdict styles (lives in the closed shadow root). */
export const PANEL_CSS = VERDICT_CSS + LAYER_CSS + CARD_CSS + PILL_CSS + MARK_CSS;

/**
 * What the quiet badge alone needs (a quarter of PANEL_CSS): no rule of the rest applies to it, so
 * it looks exactly as the panel's own collapsed pill.
 */
export const QUIET_CSS = VERDICT_BASE_CSS + LAYER_CSS + PILL_CSS;
