import type { UserRulesView } from '../../src/verdict/user-rules';
import type { T } from './i18n';

/**
 * What the user's own rules did on this page, said plainly: "you trust this shop (your rule …)",
 * "n warnings you marked as wrong are hidden" (undo in the options).
 */
export function UserRulesNote({ view, t }: { view: UserRulesView | undefined; t: T }) {
  const trusted = view?.personal?.action === 'trust' ? view.personal : null;
  const hidden = view?.hiddenCodes.length ?? 0;
  // The styles travel with the note: the panel's shadow root and the popup both get them this way.
  return (
    <>
      <style>{USER_NOTE_CSS}</style>
      {(trusted || hidden > 0) && (
        <div class="lz-user-note" role="note">
          {trusted && <p data-note="trusted">{t('userTrusted', trusted.rule)}</p>}
          {hidden > 0 && <p data-note="hidden">{t('userHidden', hidden)}</p>}
        </div>
      )}
    </>
  );
}

/** Styles for the note (panel shadow root and popup). */
export const USER_NOTE_CSS = `
.lz-user-note { margin: 10px 14px 0; padding: 6px 10px; border-radius: 8px; background: var(--surface); border: 1px solid var(--line); font-size: 12px; color: var(--muted); }
.lz-user-note p { margin: 2px 0; }
.lz-user-note [data-note="trusted"] { color: var(--fg); font-weight: 600; }
.lz-foot-actions { display: flex; gap: 12px; align-items: center; }
.lz-report-btn { border: 1px solid var(--line); background: var(--surface); border-radius: 6px; padding: 2px 8px; font-size: 12px; color: var(--link) !important; }
.lz-report-btn:hover { border-color: var(--link); }
`;
