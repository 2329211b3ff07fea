/** The block page's layout, over the shared page styles (colours and type come from .lz). */
export const BLOCK_CSS = `
body.lz { background: var(--surface); }
.lz-block { max-width: 640px; margin: 8vh auto 48px; padding: 0 16px; }
.lz-block-card { background: var(--bg); border: 1px solid var(--line); border-radius: 12px; overflow: hidden; box-shadow: 0 2px 12px rgba(0,0,0,.06); }
.lz-block-head { display: flex; gap: 14px; align-items: center; padding: 18px 22px; background: var(--danger); color: #fff; }
@media (prefers-color-scheme: dark) { .lz-block-head { color: #1f2023; } }
.lz-block-head svg { flex: none; width: 44px; height: 44px; }
.lz-block-head h1 { margin: 2px 0 0; font-size: 22px; line-height: 1.3; }
.lz-block-brand { font-size: 12px; opacity: .9; letter-spacing: .04em; }
.lz-block-body { padding: 18px 22px 22px; }
.lz-block-site { font: 600 17px/1.4 ui-monospace, monospace; word-break: break-all; margin: 0 0 8px; }
.lz-block-lead { font-size: 15px; line-height: 1.6; margin: 0 0 14px; }
.lz-reasons { list-style: none; margin: 0 0 14px; padding: 0; display: grid; gap: 10px; }
.lz-reason { border: 1px solid var(--line); border-left: 4px solid var(--danger); border-radius: 8px; padding: 10px 14px; background: var(--surface); }
.lz-reason dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; font-size: 13px; }
.lz-reason dt { color: var(--muted); }
.lz-reason dd { margin: 0; word-break: break-word; }
.lz-reason .lz-reason-list { font-weight: 700; }
.lz-details-missing { font-size: 13px; color: var(--muted); margin: 0 0 14px; }
.lz-details-missing button { display: block; margin: 6px 0 2px; border: 1px solid var(--line); background: var(--bg); border-radius: 6px; padding: 4px 10px; font-size: 13px; }
.lz-details-missing small { display: block; font-size: 12px; }
.lz-on-device { font-size: 12px; color: var(--muted); margin: 0 0 18px; }
.lz-actions { display: flex; flex-direction: column; align-items: flex-start; gap: 10px; }
.lz-back { border: 0; background: var(--link); color: #fff !important; border-radius: 8px; padding: 12px 32px; font-size: 17px !important; font-weight: 600; min-width: 220px; }
.lz-back:hover { filter: brightness(1.08); }
.lz-continue { border: 0; background: transparent; padding: 2px 0; font-size: 12px !important; color: var(--muted) !important; text-decoration: underline; }
.lz-continue-note { font-size: 11px; color: var(--muted); margin: 0; max-width: 52ch; line-height: 1.5; }
.lz-block-wait { max-width: 640px; margin: 20vh auto; padding: 0 16px; color: var(--muted); font-size: 15px; text-align: center; }
`;
