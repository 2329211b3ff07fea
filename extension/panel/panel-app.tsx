import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';
import { listsChecked } from '../../src/ui-model/lists-checked';
import type { UserRulesView } from '../../src/verdict/user-rules';
import { splitStatus } from '../ui/data-status';
import { FindingCard } from '../ui/finding-card';
import { Shield } from '../ui/icons';
import { levelText, type T } from '../ui/i18n';
import type { Copy } from '../ui/lookup-buttons';
import { PicturesLine } from '../ui/pictures-line';
import { headingWhileReading, ReadingNote, type PictureReadingView } from '../ui/reading-note';
import { UserRulesNote } from '../ui/user-rules-note';
import { VerdictView, type VerdictViewProps } from '../ui/verdict-view';
import { DangerActions } from './danger-actions';
import { reveal, viewportRect } from './highlight';
import type { Side } from './placement';

export interface PanelProps {
  result: ScanResult;
  t: T;
  lang: Lang;
  /** Open by itself (danger, or as the options say). */
  autoExpand: boolean;
  /** Mounted because the user opened the quiet badge or pressed the shortcut: start open, with focus in the panel. */
  openedByUser?: boolean;
  /** Bumped each time the user asks for the panel again (the shortcut): the panel takes the focus. */
  focusRequest?: number;
  /** The corner to open in, and whether to start as the compact card (see placement.ts). */
  side: Side;
  startCompact?: boolean;
  /** Maps an evidence ref to its element on the page, or null when it is gone. */
  findElement: (ref: number) => Element | null;
  copy: Copy;
  /** Hide on this site (the content script shows "已隐藏 · 撤销" for a while). */
  onDismiss: () => void;
  /** The danger panel's safe way out. */
  onLeave?: () => void;
  /** The user docked the panel to the other side (remembered). */
  onDock?: (side: Side) => void;
  /** What the user's own rules did here (hidden warnings, trusted shop). */
  user?: UserRulesView;
  /** "Report this shop" (null) or "This warning is wrong" (the finding's code): opens the report page. */
  onReport?: (dispute: string | null) => void;
  /** "到官方网站核实": opens the registry's page through the extension (assisted lookup). */
  onVerify?: VerdictViewProps['onVerify'];
  /** The page's licence pictures are being read (the verdict is the page's own until they are). */
  reading?: PictureReadingView | null;
}

type View = 'pill' | 'compact' | 'full';

const MARK_MS = 2500;

/** The first view: danger opens whole, warning and caution as the compact card, a quiet verdict as the pill. */
function firstView(p: Pick<PanelProps, 'autoExpand' | 'openedByUser' | 'startCompact' | 'result'>): View {
  if (p.openedByUser) return 'full';
  if (!p.autoExpand) return 'pill';
  return p.result.verdict.level === 'danger' && !p.startCompact ? 'full' : 'compact';
}

/**
 * The risk panel: a pill when quiet, a compact card (the top finding and "查看全部") for warnings, the
 * whole panel for danger, its safe way out first. A bottom sheet on narrow windows; docked left or
 * right; Escape collapses it.
 */
export function PanelApp(props: PanelProps) {
  const { result, t, lang, autoExpand, findElement, copy, onDismiss, onLeave, onDock, user, onReport, onVerify, side, reading } = props;
  const [view, setView] = useState<View>(() => firstView(props));
  const [mark, setMark] = useState<DOMRect | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [announce, setAnnounce] = useState('');
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const userAction = useRef(props.openedByUser ?? false);
  const level = result.verdict.level;
  const { title, hint, detail } = headingWhileReading(level, reading, levelText(level, t, listsChecked(result.verdict.findings)), t);

  // A worse verdict arriving later (content added after load) opens the panel again.
  useEffect(() => {
    if (autoExpand) setView((v) => (v === 'pill' ? firstView({ ...props, openedByUser: false }) : v));
  }, [autoExpand, level]);

  // The shortcut asked again: open whole and take the focus.
  useEffect(() => {
    if (!props.focusRequest) return;
    userAction.current = true;
    setView('full');
    panelRef.current?.focus();
  }, [props.focusRequest]);

  // Focus follows the user's own open/close, never an automatic one (that would steal the page's focus).
  useEffect(() => {
    if (!userAction.current) return;
    userAction.current = false;
    if (view === 'pill') toggleRef.current?.focus();
    else panelRef.current?.focus();
  }, [view]);

  // A danger panel says so to screen readers: the live region's text is set after it is in the page,
  // which is what makes assistive technology announce it.
  useEffect(() => {
    if (level !== 'danger' || view === 'pill') return setAnnounce('');
    const id = setTimeout(() => setAnnounce(t('dangerAnnounce', t('extName'), title, hint)), 50);
    return () => clearTimeout(id);
  }, [level, view === 'pill']);

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

  const show = (next: View) => {
    userAction.current = true;
    setConfirming(false);
    setView(next);
  };
  const count = result.verdict.findings.filter((f) => f.severity !== 'info').length;
  const shop = splitStatus(result.verdict.findings).shop;
  const dispute = onReport && ((f: { code: string }) => onReport(f.code));
  const hide = () => (level === 'danger' && !confirming ? setConfirming(true) : onDismiss());

  return (
    <div class={`lz lz-layer lz-side-${side}`} data-level={level} lang={lang === 'en' ? 'en' : lang}>
      <div class="lz-sr" role="alert">
        {announce}
      </div>
      {mark && <div class="lz-mark" style={{ left: `${mark.left - 4}px`, top: `${mark.top - 4}px`, width: `${mark.width + 8}px`, height: `${mark.height + 8}px` }} />}
      {view === 'pill' ? (
        <button type="button" ref={toggleRef} class="lz-pill" aria-label={count ? t('namedLevelCount', t('extShortName'), title, count) : t('namedLevel', t('extShortName'), title)} title={title} aria-expanded="false" onClick={() => show('full')}>
          <Shield level={level} />
          <span>{t('extShortName')}</span>
          {count > 0 && <span class="lz-count">{count}</span>}
        </button>
      ) : (
        <div
          class="lz-panel"
          data-view={view}
          role="dialog"
          aria-modal="false"
          aria-label={t('namedLevel', t('panelLabel'), title)}
          tabIndex={-1}
          ref={panelRef}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              show('pill');
            }
          }}
        >
          <button type="button" class="lz-handle" aria-label={t('sheetHandle')} onClick={() => show(view === 'full' ? 'compact' : 'full')} />
          <header class="lz-head">
            <span style={{ color: '#fff', '--mark': 'var(--accent)' }}>
              <Shield level={level} fill="#fff" />
            </span>
            <div class="lz-head-text">
              <div class="lz-brand">{t('extName')}</div>
              <h2 class="lz-title">{title}</h2>
              <div class="lz-hint">{hint}</div>
              {detail && <div class="lz-hint lz-detail">{detail}</div>}
            </div>
            {onDock && (
              <button type="button" class="lz-icon-btn lz-dock" data-action="dock" title={side === 'right' ? t('dockLeft') : t('dockRight')} aria-label={side === 'right' ? t('dockLeft') : t('dockRight')} onClick={() => onDock(side === 'right' ? 'left' : 'right')}>
                {side === 'right' ? '⇤' : '⇥'}
              </button>
            )}
            <button type="button" class="lz-icon-btn" data-action="collapse" aria-label={t('panelCollapse')} title={t('panelCollapse')} onClick={() => show('pill')}>
              ▾
            </button>
          </header>
          {level === 'danger' && onLeave && <DangerActions result={result} t={t} lang={lang} onLeave={onLeave} onProceed={() => show('pill')} />}
          <div class="lz-scroll">
            {reading && <ReadingNote reading={reading} t={t} hint={level !== 'none'} />}
            <UserRulesNote view={user} t={t} />
            {view === 'compact' ? (
              <div class="lz-body">
                {shop[0] && (
                  <ul class="lz-list lz-top">
                    <FindingCard finding={shop[0]} t={t} locate={locate} onDispute={dispute} />
                  </ul>
                )}
                <PicturesLine pictures={result.pictures} t={t} />
                <button type="button" class="lz-btn lz-view-all" data-action="view-all" onClick={() => show('full')}>
                  {t('viewAll', result.verdict.findings.length + result.identifiers.length)}
                </button>
              </div>
            ) : (
              <VerdictView result={result} t={t} lang={lang} copy={copy} locate={locate} onDispute={dispute} onVerify={onVerify} />
            )}
          </div>
          {confirming ? (
            <div class="lz-confirm" role="group" aria-label={t('dismissSite')}>
              <p>{t('dismissConfirm')}</p>
              <button type="button" class="lz-report-btn" data-action="dismiss-confirm" onClick={onDismiss}>
                {t('dismissConfirmYes')}
              </button>
              <button type="button" class="lz-link-btn" data-action="dismiss-cancel" onClick={() => setConfirming(false)}>
                {t('dismissConfirmNo')}
              </button>
            </div>
          ) : (
            <footer class="lz-foot">
              <a href="https://www.12315.cn" target="_blank" rel="noopener noreferrer">
                {t('complain')}
              </a>
              {onReport && (
                <button type="button" class="lz-report-btn" data-action="report" onClick={() => onReport(null)}>
                  {t('reportShop')}
                </button>
              )}
              <button type="button" class="lz-link-btn" data-action="dismiss" title={t('dismissSiteLabel')} onClick={hide}>
                {t('dismissSite')}
              </button>
            </footer>
          )}
        </div>
      )}
    </div>
  );
}
