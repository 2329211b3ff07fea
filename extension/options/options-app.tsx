import { useState } from 'preact/hooks';
import { parseSitePattern } from '../../src/ui-model/site-pattern';
import type { Settings } from '../../src/ui-model/settings';
import type { StoredDataSummary } from '../protocol/messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import { FeedsSection } from './feeds-section';
import { HiddenWarningsSection } from './hidden-warnings-section';
import { PersonalListsSection } from './personal-lists-section';
import { ReportEndpointsSection } from './report-endpoints-section';
import { RegistryAnswersSection } from './registry-answers-section';
import { resolveLang } from '../../src/ui-model/settings';
import type { T } from '../ui/i18n';

interface Props {
  initial: Settings;
  summary: StoredDataSummary;
  t: T;
  /** Called after the language changed, to re-render in it. */
  onLanguage: (settings: Settings) => void;
}

const LANGUAGE_NAMES: Record<Exclude<Settings['language'], 'auto'>, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** Language, when the panel opens, the allowlist, and what data is kept (with a button to clear it). */
export function OptionsApp({ initial, summary: initialSummary, t, onLanguage }: Props) {
  const [settings, setSettings] = useState(initial);
  const [summary, setSummary] = useState(initialSummary);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const save = async (next: Settings) => {
    try {
      const saved = await send('saveSettings', { settings: next });
      setSettings(saved);
      setSummary(await send('getStoredDataSummary', {}));
      setStatus(t('optSaved'));
      if (saved.language !== settings.language) onLanguage(saved);
    } catch (e) {
      setStatus(t('optSaveFailed', String(e)));
    }
  };

  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSitePattern(draft);
    if (!parsed.ok) {
      setError(parsed.error === 'empty' ? '' : t('optPatternInvalid', draft));
      return;
    }
    setError('');
    setDraft('');
    if (!settings.allowlist.includes(parsed.pattern)) void save({ ...settings, allowlist: [...settings.allowlist, parsed.pattern] });
  };

  return (
    <main class="lz-options">
      <h1>
        <Shield level="ok" />
        {t('optionsTitle')}
      </h1>
      <section class="lz-box">
        <h2>
          <label for="lz-language">{t('optLanguage')}</label>
        </h2>
        <select id="lz-language" value={settings.language} onChange={(e) => void save({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('optLanguageAuto')}</option>
          {Object.entries(LANGUAGE_NAMES).map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
      </section>
      <section class="lz-box" role="radiogroup" aria-labelledby="lz-opens">
        <h2 id="lz-opens">{t('optPanelOpens')}</h2>
        {(['warnings', 'always'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="panelOpens" value={v} checked={settings.panelOpens === v} onChange={() => void save({ ...settings, panelOpens: v })} />
            {t(v === 'always' ? 'optPanelAlways' : 'optPanelWarnings')}
          </label>
        ))}
        <p>{t('optPanelNote')}</p>
      </section>
      <section class="lz-box">
        <h2 id="lz-allow">{t('optAllowlist')}</h2>
        <p>{t('optAllowlistHelp')}</p>
        <form class="lz-row" onSubmit={add}>
          <input type="text" aria-labelledby="lz-allow" placeholder="*.example.com" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="lz-primary">
            {t('optAllowlistAdd')}
          </button>
        </form>
        {error && <div class="lz-error" role="alert">{error}</div>}
        {settings.allowlist.length === 0 ? (
          <p>{t('optAllowlistEmpty')}</p>
        ) : (
          <ul class="lz-chips" data-list="allowlist">
            {settings.allowlist.map((p) => (
              <li key={p}>
                {p}
                <button type="button" aria-label={t('optAllowlistRemove', p)} onClick={() => void save({ ...settings, allowlist: settings.allowlist.filter((x) => x !== p) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="lz-box">
        <h2>{t('optDismissed')}</h2>
        {summary.dismissedSites.length === 0 ? (
          <p>{t('optDismissedEmpty')}</p>
        ) : (
          <ul class="lz-chips" data-list="dismissed">
            {summary.dismissedSites.map((host) => (
              <li key={host}>
                {host}
                <button
                  type="button"
                  aria-label={t('optAllowlistRemove', host)}
                  onClick={() => void send('undismissSite', { host }).then(() => send('getStoredDataSummary', {}).then(setSummary))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FeedsSection t={t} />
      <PersonalListsSection t={t} />
      <HiddenWarningsSection t={t} />
      <ReportEndpointsSection t={t} />
      <RegistryAnswersSection key={summary.registryAnswers} t={t} lang={resolveLang(settings, navigator.language)} onChange={() => void send('getStoredDataSummary', {}).then(setSummary)} />
      <section class="lz-box">
        <h2>{t('optData')}</h2>
        <p>{t('optDataIntro')}</p>
        <ul class="lz-data">
          <li>{t('optDataSettings', summary.allowlist)}</li>
          <li>{t('optDataDismissed', summary.dismissedSites.length)}</li>
          <li>{t('optDataTabs', summary.tabVerdicts)}</li>
          <li>{t('optDataHidden', summary.hiddenWarnings)}</li>
          <li>{t('optDataPersonal', summary.personalEntries)}</li>
          <li>{t('optDataReports', summary.reports.waiting, summary.reports.done, summary.reports.drafts)}</li>
          <li>{t('optDataLists', summary.listEntries)}</li>
          <li>{t('optDataRegistry', summary.registryAnswers)}</li>
        </ul>
        <div class="lz-row">
          <button
            type="button"
            class="lz-danger-btn"
            onClick={() =>
              void send('clearStoredData', {}).then(async (s) => {
                setSummary(s);
                setSettings(await send('getSettings', {}));
                setStatus(s.reports.waiting ? t('optClearKeeps', s.reports.waiting) : t('optCleared'));
              })
            }
          >
            {t('optClear')}
          </button>
        </div>
      </section>
      <div class="lz-saved" role="status" aria-live="polite">
        {status}
      </div>
    </main>
  );
}
