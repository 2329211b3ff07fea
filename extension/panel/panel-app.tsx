import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';
import type { UserRulesView } from '../../src/verdict/user-rules';
import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';
import type { Copy } from '../ui/lookup-buttons';
import { UserRulesNote } from '../ui/user-rules-note';
import { levelText } from '../ui/i18n';
import { listsChecked } from '../../src/ui-model/lists-checked';
import { VerdictView } from '../ui/verdict-view';
import { reveal, viewportRect } from './highlight';

export interface PanelProps {
  result: ScanResult;
  t: T;
  lang: Lang;
  /** Open by itself (danger, or as the options say). */
  autoExpand: boolean;
  /** Mounted because the user opened the quiet badge: start open, with focus in the panel. */
  openedByUser?: boolean;
  /** Maps an evidence ref to its element on the page, or null when it is gone. */
  findElement: (ref: number) => Element | null;
  copy: Copy;
  onDismiss: () => void;
  /** What the user's own rules did here (hidden warnings, trusted shop). */
  user?: UserRulesView;
  /** "Report this shop" (null) or "This warning is wrong" (the finding's code): opens the report page. */
  onReport?: (dispute: string | null) => void;
}

const MARK_MS = 2500;

/** The risk panel: a small pill when quiet, an expanded card for warnings; Escape collapses it. */
export function PanelApp({ result, t, lang, autoExpand, openedByUser = false, findElement, copy, onDismiss, user, onReport }: PanelProps) {
  const [expanded, setExpanded] = useState(autoExpand || openedByUser);
  const [mark, setMark] = useState<DOMRect | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  const userAction = useRef(openedByUser);
  const level = result.verdict.level;

  // A worse verdict arriving later (content added after load) opens the panel again.
  useEffect(() => {
    if (autoExpand) setExpanded(true);
  }, [autoExpand]);

  // Focus follows the user's own open/close, never an automatic one (that would steal the page's focus).
  useEffect(() => {
    if (!userAction.current) return;
    userAction.current = false;
    (expanded ? collapseRef : toggleRef).current?.focus();
  }, [expanded]);

  const locate = useCallback(
    (ref: number) => {
      const el = findElement(ref);
      if (!el || !el.isConnected) return false;
      reveal(el);
      const started = performance.now();
      // Follow the element while the page settles after scrolling, then let the mark fade.
      const follow = () => {
        setMark(viewportRect(el));
        if (performance.now() - started < MARK_MS) requestAnimationFrame(follow);
        else setMark(null);
      };
      follow();
      return true;
    },
    [findElement],
  );

  const open = (next: boolean) => {
    userAction.current = true;
    setExpanded(next);
  };
  const { title, hint, detail } = levelText(level, t, listsChecked(result.verdict.findings));
  const count = result.verdict.findings.filter((f) => f.severity !== 'info').length;

  return (
    <div class="lz lz-layer" data-level={level} lang={lang === 'en' ? 'en' : lang}>
      {mark && <div class="lz-mark" style={{ left: `${mark.left - 4}px`, top: `${mark.top - 4}px`, width: `${mark.width + 8}px`, height: `${mark.height + 8}px` }} />}
      {expanded ? (
        <div
          class="lz-panel"
          role="dialog"
          aria-modal="false"
          aria-label={t('panelLabel')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              open(false);
            }
          }}
        >
          <header class="lz-head">
            <span style={{ color: '#fff', '--mark': 'var(--accent)' }}>
              <Shield level={level} fill="#fff" />
            </span>
            <div class="lz-head-text">
              <div class="lz-brand">{t('extName')}</div>
              <div class="lz-title" role="status">{title}</div>
              <div class="lz-hint">{hint}</div>
              {detail && <div class="lz-hint lz-detail">{detail}</div>}
            </div>
            <button type="button" ref={collapseRef} class="lz-icon-btn" aria-label={t('panelCollapse')} title={t('panelCollapse')} onClick={() => open(false)}>
              ▾
            </button>
          </header>
          <div class="lz-scroll">
            <UserRulesNote view={user} t={t} />
            <VerdictView result={result} t={t} lang={lang} copy={copy} locate={locate} onDispute={onReport && ((f) => onReport(f.code))} />
          </div>
          <footer class="lz-foot">
            <a href="https://www.12315.cn" target="_blank" rel="noopener noreferrer">
              {t('complain')}
            </a>
            {onReport && (
              <button type="button" class="lz-report-btn" data-action="report" onClick={() => onReport(null)}>
                {t('reportShop')}
              </button>
            )}
            <button type="button" class="lz-link-btn" title={t('dismissSiteLabel')} aria-label={t('dismissSiteLabel')} onClick={onDismiss}>
              {t('dismissSite')}
            </button>
          </footer>
        </div>
      ) : (
        <button type="button" ref={toggleRef} class="lz-pill" aria-label={`${t('panelOpen')}: ${title}`} title={title} aria-expanded="false" onClick={() => open(true)}>
          <Shield level={level} />
          <span>{t('extShortName')}</span>
          {count > 0 && <span class="lz-count">{count}</span>}
        </button>
      )}
    </div>
  );
}
