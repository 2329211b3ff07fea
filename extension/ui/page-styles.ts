import { VERDICT_CSS } from './verdict-styles';

/** Styles for the popup and options pages (documents of their own, so plain <style> in head). */
export const PAGE_CSS =
  VERDICT_CSS +
  `
html, body { margin: 0; padding: 0; }
body.lz { min-height: 100vh; }
body.lz:has(.lz-options) { background: var(--surface); }
.lz-popup { width: 400px; max-width: 100%; }
.lz-popup .lz-head { border-radius: 0; }
.lz-empty { padding: 16px 14px; color: var(--muted); }
.lz-url { font-size: 11px; word-break: break-all; margin-top: 2px; }
.lz-options { max-width: 720px; margin: 0 auto; padding: 24px 20px 48px; }
.lz-options h1 { display: flex; align-items: center; gap: 10px; font-size: 22px; margin: 0 0 20px; }
.lz-options h1 svg { width: 32px; height: 32px; color: var(--link); }
.lz-options h2 { font-size: 15px; margin: 0 0 8px; }
.lz-options h3 { font-size: 15px; margin: 0 0 8px; }
.lz-group { margin: 0 0 8px; }
.lz-options .lz-group > h2 { font-size: 17px; margin: 28px 0 10px; }
.lz-options .lz-group:first-of-type > h2 { margin-top: 0; }
.lz-group-help { color: var(--muted); font-size: 12px; margin: -4px 0 10px; }
.lz-options label.lz-check-row { align-items: flex-start; margin: 10px 0 2px; }
.lz-check-row input { margin-top: 3px; accent-color: var(--link); }
.lz-box { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 0 0 16px; background: var(--bg); }
.lz-box p { margin: 4px 0 8px; color: var(--muted); font-size: 12px; }
.lz-row { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.lz-options label { display: flex; gap: 8px; align-items: center; margin: 4px 0; }
.lz-options select, .lz-options input[type="text"] { font: inherit; color: var(--fg); background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
.lz-options input[type="text"] { flex: 1; font-family: ui-monospace, monospace; }
.lz-primary { border: 1px solid var(--link); background: var(--link); color: #fff !important; border-radius: 6px; padding: 5px 12px; }
@media (prefers-color-scheme: dark) { .lz .lz-primary { color: #1f2023 !important; } }
.lz-danger-btn { border: 1px solid var(--danger); background: transparent; color: var(--danger) !important; border-radius: 6px; padding: 5px 12px; }
.lz-chips { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
.lz-chips li { display: inline-flex; align-items: center; gap: 4px; background: var(--surface); border: 1px solid var(--line); border-radius: 999px; padding: 2px 4px 2px 10px; font-family: ui-monospace, monospace; font-size: 12px; }
.lz-chips button { border: 0; background: transparent; width: 22px; height: 22px; border-radius: 50%; }
.lz-chips button:hover { background: var(--line); }
.lz-error { color: var(--danger); font-size: 12px; }
.lz-saved { color: var(--muted); font-size: 12px; }
.lz-data { margin: 0; padding-left: 18px; }
`;
