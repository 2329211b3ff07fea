import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { TabVerdict } from '../protocol/messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';
import { copyFromPage } from '../ui/mount-page';
import { headingWhileReading, ReadingNote } from '../ui/reading-note';
import { UserRulesNote } from '../ui/user-rules-note';
import { useReadingVerdict } from './use-reading';
import { levelText } from '../ui/i18n';
import { listsChecked } from '../../src/ui-model/lists-checked';
import { VerdictView } from '../ui/verdict-view';

/** The toolbar popup: the tab's verdict, its numbers with official lookups, and its badges. */
export function PopupApp({ verdict: first, t, lang, dismissed, tabId = null }: { verdict: TabVerdict | null; t: T; lang: Lang; dismissed: boolean; tabId?: number | null }) {
  const [hidden, setHidden] = useState(dismissed);
  // While the tab's licence pictures are being read, the popup follows them to their answer.
  const { verdict, reading } = useReadingVerdict(first, tabId);
  const result = verdict?.result ?? null;
  const level = result?.verdict.level ?? 'none';
  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.level = level;
    document.documentElement.dataset.level = level;
  }, [level]);
  const { title, hint, detail } = headingWhileReading(level, reading, levelText(level, t, listsChecked(result?.verdict.findings ?? [])), t);
  const host = verdict ? new URL(verdict.url).hostname : '';
  // "Report this shop" / "This warning is wrong": the report page opens as a tab next to the shop.
  const report = (dispute: string | null) => tabId !== null && void send('openReportPage', { tabId, dispute, title: null }).then(() => window.close());

  // Nothing read, nothing to report: no "举报这家店" on a page with no licence, badge or finding.
  const reportable = result !== null && tabId !== null && result.verdict.level !== 'none';

  return (
    <main class="lz lz-popup" data-level={level}>
      <header class="lz-head">
        <span style={{ '--mark': 'var(--accent)' }}>
          <Shield level={level} fill="#fff" />
        </span>
        <div class="lz-head-text">
          <div class="lz-brand">{t('extName')}</div>
          <h1 class="lz-title">{result ? title : t('extName')}</h1>
          {result && <div class="lz-hint">{hint}</div>}
          {result && detail && <div class="lz-hint lz-detail">{detail}</div>}
          {host && <div class="lz-url">{host}</div>}
        </div>
      </header>
      {!verdict && <p class="lz-empty">{t('popupNoData')}</p>}
      {verdict?.allowlisted && <p class="lz-empty">{t('popupAllowlisted', verdict.allowlisted)}</p>}
      {reading && <ReadingNote reading={reading} t={t} hint={level !== 'none'} />}
      {result && <UserRulesNote view={verdict?.user} t={t} />}
      {result && (
        <VerdictView
          result={result}
          t={t}
          lang={lang}
          copy={copyFromPage}
          onDispute={tabId !== null ? (f) => report(f.code) : undefined}
          onVerify={tabId !== null ? (kind, value, site) => void send('openRegistryLookup', { tabId, kind, value, site }).then(() => window.close()) : undefined}
        />
      )}
      <footer class="lz-foot">
        <a href="https://www.12315.cn" target="_blank" rel="noopener noreferrer">
          {t('complain')}
        </a>
        {reportable && (
          <button type="button" class="lz-report-btn" data-action="report" onClick={() => report(null)}>
            {t('reportShop')}
          </button>
        )}
        <a href="../report/my-reports.html" target="_blank">
          {t('rpMyReports')}
        </a>
        {hidden && (
          <button type="button" class="lz-link-btn" onClick={() => void send('undismissSite', { host }).then(() => setHidden(false))}>
            {t('popupUndismiss')}
          </button>
        )}
        <button type="button" class="lz-link-btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
