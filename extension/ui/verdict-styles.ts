import { PICTURE_CSS } from './picture-styles';

/**
 * Styles of the verdict views, shared by the injected panel (inside its shadow root, where page CSS
 * cannot reach) and the popup. Every selector is under `.lz`, so the popup can use it as is.
 */

/** What every verdict view needs: colours, the level accent, type, buttons and focus rings. */
export const VERDICT_BASE_CSS = `
.lz {
  --bg: #ffffff; --fg: #1f2328; --muted: #5f6368; --line: #e4e6ea; --surface: #f5f6f8; --link: #1a5fd0;
  --danger: #c5221f; --warning: #b54708; --caution: #c98a00; --ok: #4f5b6b; --none: #5f6368; --info: #5f6368;
  --accent: var(--none);
  font: 13px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fg); background: var(--bg); text-align: left; letter-spacing: normal;
}
@media (prefers-color-scheme: dark) {
  .lz { --bg: #1f2023; --fg: #e8eaed; --muted: #a0a6ad; --line: #3a3d42; --surface: #2a2c30; --link: #8ab4f8;
    --danger: #f28b82; --warning: #fcad70; --caution: #fdd663; --ok: #a8b4c4; --none: #9aa0a6; --info: #9aa0a6; }
}
.lz *, .lz *::before, .lz *::after { box-sizing: border-box; }
.lz[data-level="danger"] { --accent: var(--danger); }
.lz[data-level="warning"] { --accent: var(--warning); }
.lz[data-level="caution"] { --accent: var(--caution); }
.lz[data-level="ok"] { --accent: var(--ok); }
.lz button { font: inherit; color: inherit; cursor: pointer; }
.lz a { color: var(--link); }
.lz :focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
`;

/** The base and the finding views (with the licence pictures' views). */
export const VERDICT_CSS =
  VERDICT_BASE_CSS +
  PICTURE_CSS +
  `.lz-head { display: flex; gap: 10px; align-items: flex-start; padding: 12px 14px; background: var(--accent); color: #fff; }
.lz[data-level="caution"] .lz-head { color: #1f2328; }
@media (prefers-color-scheme: dark) { .lz .lz-head { color: #1f2023; } }
.lz-head svg { flex: none; width: 28px; height: 28px; margin-top: 2px; }
.lz-head-text { flex: 1; min-width: 0; }
.lz-brand { font-size: 11px; letter-spacing: .04em; }
.lz-title { font-size: 15px; font-weight: 700; line-height: 1.35; margin: 1px 0 2px; }
.lz-hint { font-size: 12px; }
.lz-icon-btn { flex: none; border: 0; background: transparent; color: inherit !important; width: 28px; height: 28px; border-radius: 6px; font-size: 18px; line-height: 1; }
.lz-icon-btn:hover { background: rgba(0,0,0,.12); }
.lz-body { padding: 4px 14px 12px; }
.lz-section { margin-top: 12px; }
.lz-section h3 { font-size: 12px; font-weight: 600; color: var(--muted); margin: 0 0 6px; text-transform: none; }
.lz-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.lz-card { border: 1px solid var(--line); border-left: 4px solid var(--sev, var(--line)); border-radius: 8px; padding: 8px 10px; background: var(--bg); }
.lz-card[data-severity="danger"] { --sev: var(--danger); }
.lz-card[data-severity="warning"] { --sev: var(--warning); }
.lz-card[data-severity="caution"] { --sev: var(--caution); }
.lz-card[data-severity="info"] { --sev: var(--info); }
.lz-chip { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 999px; color: #fff; background: var(--sev, var(--none)); margin-right: 6px; vertical-align: 1px; }
.lz-card[data-severity="caution"] .lz-chip { color: #1f2328; }
@media (prefers-color-scheme: dark) { .lz .lz-chip { color: #1f2023; } }
.lz-msg { font-weight: 600; word-break: break-word; }
.lz-evidence { margin: 6px 0 0; padding: 4px 8px; background: var(--surface); border-radius: 6px; color: var(--muted); font-size: 12px; word-break: break-all; }
.lz-evidence b { font-weight: 600; color: var(--fg); margin-right: 4px; }
.lz-advice { margin: 6px 0 0; font-size: 12px; }
.lz-advice b { font-weight: 600; margin-right: 4px; }
.lz-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.lz-btn { display: inline-flex; align-items: center; gap: 5px; line-height: 1.4; text-align: left; border: 1px solid var(--line); background: var(--surface); border-radius: 6px; padding: 2px 8px; font-size: 12px; text-decoration: none; color: var(--link) !important; }
.lz-btn:hover { border-color: var(--link); }
.lz-btn[disabled] { color: var(--muted) !important; cursor: default; }
.lz-glyph { width: 13px; height: 13px; flex: none; }
.lz-id { border-left-width: 1px; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; align-items: baseline; }
.lz-id[data-severity] { border-left-width: 4px; }
.lz-id-kind { font-size: 12px; color: var(--muted); }
.lz-id-value { font: 600 13px/1.4 ui-monospace, "SFMono-Regular", "Noto Sans Mono CJK SC", monospace; word-break: break-all; }
.lz-check { font-size: 11px; white-space: nowrap; }
.lz-check[data-valid="true"] { color: var(--muted); }
.lz-check[data-valid="false"] { color: var(--danger); }
.lz-id .lz-actions { grid-column: 1 / -1; }
.lz-note { font-size: 11px; color: var(--muted); margin: 12px 0 0; }
.lz-company { margin-top: 8px; }
.lz-company + .lz-company { margin-top: 14px; }
.lz-company-label { font-size: 11px; color: var(--muted); }
.lz-company-name { font-weight: 700; font-size: 14px; margin: 0 0 6px; word-break: break-word; }
.lz-passed { margin-top: 8px; border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; background: var(--surface); }
.lz-passed > summary { cursor: pointer; font-size: 12px; color: var(--fg); }
.lz-passed[open] > summary { margin-bottom: 6px; }
.lz-id-note { grid-column: 1 / -1; margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.lz-foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; border-top: 1px solid var(--line); padding: 8px 14px; font-size: 12px; }
.lz-foot a { text-decoration: none; }
.lz-link-btn { border: 0; background: none; padding: 0; color: var(--muted) !important; text-decoration: underline; font-size: 12px; }
.lz-toast { font-size: 12px; color: var(--fg); margin-top: 4px; }
.lz-verify { font-weight: 600; }
.lz-evidence[data-from="registry"] { word-break: normal; overflow-wrap: anywhere; color: var(--fg); }
.lz-official { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; margin-top: 4px; padding: 4px 8px; border-radius: 6px; background: var(--surface); font-size: 12px; }
.lz-official b { font-weight: 600; }
.lz-official[data-state="unreadable"] b { color: var(--muted); }
.lz-official-src { color: var(--muted); }
.lz-official-words { flex-basis: 100%; word-break: break-all; }
`;
