/**
 * Styles of the report and "my reports" pages, on top of PAGE_CSS (same variables, so light and dark
 * follow the browser like the popup and options).
 */
export const REPORT_CSS = `
.lz-report { max-width: 780px; }
.lz-lead { color: var(--muted); margin: -8px 0 18px; font-size: 13px; }
.lz-report h2 { display: flex; gap: 8px; align-items: center; }
.lz-sub { font-size: 12px; font-weight: 600; color: var(--muted); margin: 14px 0 6px; }
.lz-facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 14px; margin: 8px 0 4px; font-size: 13px; }
.lz-facts dt { color: var(--muted); }
.lz-facts dd { margin: 0; min-width: 0; word-break: break-word; }
.lz-mono { font-family: ui-monospace, "SFMono-Regular", monospace; font-size: 12px; word-break: break-all; }
.lz-pre { white-space: pre-wrap; }
.lz-categories { border: 0; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px; }
.lz-categories legend { font-size: 15px; font-weight: 700; margin: 0 0 10px; padding: 0; }
.lz-options label.lz-choice { margin: 0; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--surface); cursor: pointer; align-items: flex-start; }
.lz-choice:hover { border-color: var(--link); }
.lz-choice[data-checked="true"] { border-color: var(--link); box-shadow: inset 0 0 0 1px var(--link); background: var(--bg); }
.lz-choice input { margin: 3px 0 0; accent-color: var(--link); }
.lz-choice:has(input:focus-visible) { outline: 2px solid var(--link); outline-offset: 2px; }
.lz-options label.lz-check-row { align-items: flex-start; margin: 8px 0; }
.lz-check-row input { margin-top: 3px; accent-color: var(--link); }
.lz-report textarea { display: block; width: 100%; font: inherit; color: var(--fg); background: var(--surface); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; resize: vertical; min-height: 90px; }
.lz-report textarea:focus { border-color: var(--link); outline: none; box-shadow: 0 0 0 2px color-mix(in srgb, var(--link) 25%, transparent); }
.lz-count-line { text-align: right; font-size: 11px; color: var(--muted); margin-top: 4px; }
.lz-shot { margin: 10px 0 0; }
.lz-shot img, .lz-thumb { display: block; max-width: 100%; max-height: 260px; border: 1px solid var(--line); border-radius: 6px; }
.lz-thumb { max-height: 140px; }
.lz-shot figcaption { display: flex; gap: 10px; align-items: center; font-size: 12px; color: var(--muted); margin-top: 6px; }
.lz-json { margin: 12px 0 0; }
.lz-json summary { cursor: pointer; color: var(--link); font-size: 12px; }
.lz-json pre { max-height: 360px; overflow: auto; background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: 10px; font-size: 11px; white-space: pre-wrap; word-break: break-all; }
.lz-secondary { border: 1px solid var(--line); background: var(--surface); border-radius: 6px; padding: 5px 12px; }
.lz-secondary:hover { border-color: var(--link); }
/* Light-blue buttons in dark mode need dark text to stay readable. */
@media (prefers-color-scheme: dark) { .lz .lz-primary { color: #1f2023 !important; } }
.lz-primary[disabled], .lz-secondary[disabled] { opacity: .55; cursor: default; }
.lz-link-primary { text-decoration: none; display: inline-block; }
.lz-buttons { flex-wrap: wrap; gap: 10px; margin-top: 12px; }
.lz-buttons .lz-btn { padding: 5px 12px; font-size: 13px; }
.lz-report[data-step] h1 svg { color: var(--warning); }
.lz-inline-btn { margin-left: 8px; vertical-align: baseline; }
.lz-problems { color: var(--danger); border: 1px solid var(--danger); border-radius: 8px; padding: 8px 12px 8px 28px; margin: 0 0 12px; font-size: 13px; background: var(--bg); }
.lz-warn-text { color: var(--warning); font-weight: 600; }
.lz-privacy { font-size: 12px; color: var(--muted); border-left: 3px solid var(--link); padding-left: 8px; }
.lz-complaint { font-family: ui-monospace, monospace; font-size: 12px; margin-top: 10px; }
.lz-bought { margin: 10px 0 6px; }
.lz-bought legend { font-size: 13px; }
.lz-order { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; margin: 6px 0 0; }
.lz-order p { grid-column: 1 / -1; margin: 0; }
.lz-options label.lz-order-field { display: grid; gap: 2px; margin: 0; font-size: 12px; color: var(--muted); }
.lz-order-field input { font: inherit; font-size: 13px; color: var(--fg); background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
.lz-advanced { margin-top: 10px; font-size: 12px; }
.lz-advanced summary { cursor: pointer; color: var(--muted); margin-bottom: 6px; }
.lz-done h2 { color: var(--fg); }
.lz-banner { border: 1px solid var(--warning); border-left-width: 4px; border-radius: 8px; padding: 10px 12px; margin: 0 0 16px; background: var(--bg); font-size: 13px; }
.lz-reports { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.lz-report-row { border: 1px solid var(--line); border-left: 4px solid var(--st, var(--line)); border-radius: 10px; padding: 12px 14px; background: var(--bg); }
.lz-report-row[data-status="sent"] { --st: var(--ok); }
.lz-report-row[data-status="queued"], .lz-report-row[data-status="sending"] { --st: var(--link); }
.lz-report-row[data-status="failed-permanent"] { --st: var(--danger); }
.lz-report-row[data-status="draft"] { --st: var(--muted); border-left-style: dashed; }
.lz-report-row[data-status="kept"] { --st: var(--muted); }
.lz-row-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.lz-row-title { font-weight: 700; flex: 1; min-width: 0; }
.lz-status { font-size: 11px; font-weight: 700; padding: 1px 8px; border-radius: 999px; color: #fff; background: var(--st, var(--muted)); white-space: nowrap; }
@media (prefers-color-scheme: dark) { .lz .lz-status { color: #1f2023; } }
.lz-row-meta { font-size: 12px; color: var(--muted); margin: 4px 0 0; word-break: break-all; }
.lz-row-detail { font-size: 12px; margin: 6px 0 0; }
.lz-row-detail[data-kind="error"] { color: var(--danger); }
.lz-json-inline { max-height: 300px; overflow: auto; background: var(--surface); border-radius: 6px; padding: 8px; font-size: 11px; white-space: pre-wrap; word-break: break-all; }
.lz-row-text { margin: 6px 0 0; white-space: pre-wrap; word-break: break-word; font-size: 13px; }
`;
