import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import type { CaptureResult } from '../protocol/report-messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { shrinkScreenshot } from './shrink-screenshot';

interface Props {
  t: T;
  tabId: number | null;
  attached: boolean;
  screenshot: string | null;
  onChange: (attached: boolean, screenshot: string | null) => void;
}

type Problem = Exclude<CaptureResult, { ok: true }>['reason'] | 'too-large';

/**
 * "Attach a screenshot": only when ticked is the shop's tab captured. When the browser does not
 * allow it (no activeTab grant, no permission) or the tab is gone, the field says so and offers the
 * permission, instead of failing silently.
 */
export function ScreenshotField({ t, tabId, attached, screenshot, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(tabId === null && !screenshot ? 'tab-gone' : null);

  const take = async () => {
    if (tabId === null) return setProblem('tab-gone');
    setBusy(true);
    setProblem(null);
    try {
      const shot = await send('captureTab', { tabId });
      if (!shot.ok) {
        setProblem(shot.reason);
        onChange(false, null);
        return;
      }
      onChange(true, await shrinkScreenshot(shot.dataUrl));
    } catch {
      setProblem('too-large');
      onChange(false, null);
    } finally {
      setBusy(false);
    }
  };

  /**
   * Capturing a tab takes activeTab (granted when the user clicks our toolbar button on that tab) or
   * the "<all_urls>" host permission: in Chrome and Firefox alike a permission for the shop's own
   * origin is not enough for tabs.captureVisibleTab. Rather than ask to read every site for one
   * screenshot (issue 15), the extension asks for no host permission at all: the user is taken to
   * the shop's tab to click the toolbar button there, which grants that one tab.
   */
  const goToShop = async () => {
    if (tabId !== null) await browser.tabs.update(tabId, { active: true }).catch(() => setProblem('tab-gone'));
  };

  const unavailable = problem === 'tab-gone' && !screenshot;
  return (
    <section class="lz-box" aria-labelledby="lz-shot-h">
      <h2 id="lz-shot-h">{t('rpScreenshot')}</h2>
      <label class="lz-check-row">
        <input
          type="checkbox"
          name="screenshot"
          checked={attached}
          disabled={busy || unavailable}
          onChange={(e) => ((e.currentTarget as HTMLInputElement).checked ? void take() : onChange(false, screenshot))}
        />
        <span>{unavailable ? t('rpScreenshotTabGone') : t('rpScreenshotAttach')}</span>
      </label>
      <p>{busy ? t('rpScreenshotTaking') : t('rpScreenshotHelp')}</p>
      {problem && problem !== 'tab-gone' && (
        <div class="lz-error" role="alert" data-problem={problem}>
          {t(problem === 'permission' ? 'rpScreenshotNoPermission' : problem === 'too-large' ? 'rpScreenshotTooLarge' : 'rpScreenshotFailed')}
          {problem === 'permission' && (
            <button type="button" class="lz-btn lz-inline-btn" onClick={() => void goToShop()}>
              {t('rpScreenshotAllow')}
            </button>
          )}
        </div>
      )}
      {attached && screenshot && (
        <figure class="lz-shot">
          <img src={screenshot} alt={t('rpScreenshotAlt')} />
          <figcaption>
            {t('rpScreenshotSize', Math.round((screenshot.length * 3) / 4 / 1024))}
            <button type="button" class="lz-btn lz-inline-btn" disabled={busy} onClick={() => void take()}>
              {t('rpScreenshotRetake')}
            </button>
          </figcaption>
        </figure>
      )}
    </section>
  );
}
