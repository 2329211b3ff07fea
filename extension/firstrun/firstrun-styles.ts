/** The first-run page's own layout, over the shared page styles. */
export const FIRST_RUN_CSS = `
.lz-firstrun { max-width: 760px; margin: 0 auto; padding: 28px 20px 48px; }
.lz-firstrun h1 { display: flex; align-items: center; gap: 10px; font-size: 24px; margin: 0 0 6px; }
.lz-firstrun h1 svg { width: 36px; height: 36px; color: var(--ok); }
.lz-firstrun[data-feeds="0"] h1 svg { color: var(--muted); }
.lz-firstrun .lz-lead { color: var(--muted); margin: 0 0 20px; font-size: 14px; }
.lz-firstrun h2 { font-size: 16px; margin: 0 0 8px; }
.lz-firstrun ul.lz-points { margin: 4px 0 0; padding-left: 20px; font-size: 13px; line-height: 1.7; }
.lz-two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 640px) { .lz-two { grid-template-columns: 1fr; } }
.lz-box[data-tone="yes"] { border-top: 3px solid var(--ok); }
.lz-box[data-tone="no"] { border-top: 3px solid var(--muted); }
.lz-feed { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; align-items: start; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 8px 0; }
.lz-feed-name { font-weight: 600; font-size: 14px; }
.lz-feed-meta { grid-column: 1 / -1; font-size: 12px; color: var(--muted); }
.lz-feed-status { grid-column: 1 / -1; font-size: 12px; }
.lz-feed-status[data-status="ok"] { color: var(--ok); }
.lz-feed-status[data-status="error"], .lz-feed-status[data-status="stale"] { color: var(--danger); }
.lz-none { border-left: 4px solid var(--warning, #b7791f); padding: 8px 12px; background: var(--surface); border-radius: 6px; font-size: 13px; }
.lz-box .lz-none p { margin: 4px 0; color: var(--fg); font-size: 13px; line-height: 1.6; }
`;
