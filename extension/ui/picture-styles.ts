/**
 * Styles of the licence pictures' views (pictures-read.tsx, reading-note.tsx), part of the verdict
 * views' styles (panel and popup). A picture that could not be read is neutral, never an alarm.
 */
export const PICTURE_CSS = `
.lz-picture-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 4px 8px; }
.lz-picture-name { font-weight: 600; word-break: break-all; }
.lz-picture-head .lz-actions, .lz-picture-head .lz-btn { margin-top: 0; }
.lz-picture-unread { margin: 6px 0 0; font-weight: 600; }
.lz-fields { margin: 6px 0 0; display: grid; gap: 4px; }
.lz-field { display: grid; grid-template-columns: 6.5em 1fr; gap: 8px; font-size: 12px; align-items: baseline; }
.lz[lang="en"] .lz-field { grid-template-columns: 8.5em 1fr; }
.lz-field dt { color: var(--muted); }
.lz-field dd { margin: 0; min-width: 0; word-break: break-word; }
.lz-field-code dd .lz-id-value { font-size: 12px; }
.lz-field-code dd .lz-actions { margin-top: 4px; }
.lz-check[data-valid="unclear"] { color: var(--muted); }
.lz-picture-rest { margin: 6px 0 0; font-size: 12px; color: var(--muted); }
.lz-qr { list-style: none; margin: 6px 0 0; padding: 4px 8px; display: grid; gap: 2px; background: var(--surface); border-radius: 6px; font-size: 12px; }
.lz-qr li[data-qr="lookalike"], .lz-qr li[data-qr="differs"] { color: var(--danger); font-weight: 600; }
.lz-reading { display: flex; gap: 8px; align-items: flex-start; margin: 10px 14px 0; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--surface); font-size: 12px; }
.lz-reading-dot { flex: none; width: 12px; height: 12px; margin-top: 3px; border-radius: 50%; border: 2px solid var(--link); border-right-color: transparent; animation: lz-spin 1s linear infinite; }
@keyframes lz-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .lz-reading-dot { animation: none; } }
.lz-reading-text { flex: 1; min-width: 0; }
.lz-reading-title { font-weight: 600; }
.lz-reading-sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lz-reading-text { position: relative; }
.lz-reading-model { display: flex; align-items: center; gap: 8px; margin-top: 2px; }
.lz-reading-model progress { flex: 1; min-width: 60px; height: 6px; accent-color: var(--link); }
.lz-reading-hint { color: var(--muted); }
.lz-pictures-line { margin: 8px 0 0; font-size: 12px; }
`;
