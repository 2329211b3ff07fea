import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { TabVerdict } from '../protocol/messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';
import { copyFromPage } from '../ui/mount-page';
import { levelText, VerdictView } from '../ui/verdict-view';

/** The toolbar popup: the tab's verdict, its numbers with official lookups, and its badges. */
export function PopupApp({ verdict, t, lang, dismissed }: { verdict: TabVerdict | null; t: T; lang: Lang; dismissed: boolean }) {
  const [hidden, setHidden] = useState(dismissed);
  const result = verdict?.result ?? null;
  const level = result?.verdict.level ?? 'none';
  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.level = level;
    document.documentElement.dataset.level = level;
  }, [level]);
  const { title, hint } = levelText(level, t);
  const host = verdict ? new URL(verdict.url).hostname : '';

  return (
    <div class="lz lz-popup" data-level={level}>
      <header class="lz-head">
        <span style={{ '--mark': 'var(--accent)' }}>
          <Shield level={level} fill="#fff" />
        </span>
        <div class="lz-head-text">
          <div class="lz-brand">{t('extName')}</div>
          <div class="lz-title">{result ? title : t('extName')}</div>
          {result && <div class="lz-hint">{hint}</div>}
          {host && <div class="lz-url">{host}</div>}
        </div>
      </header>
      {!verdict && <p class="lz-empty">{t('popupNoData')}</p>}
      {verdict?.allowlisted && <p class="lz-empty">{t('popupAllowlisted', verdict.allowlisted)}</p>}
      {result && <VerdictView result={result} t={t} lang={lang} copy={copyFromPage} />}
      <footer class="lz-foot">
        <a href="https://www.12315.cn" target="_blank" rel="noopener noreferrer">
          {t('complain')}
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
    </div>
  );
}
