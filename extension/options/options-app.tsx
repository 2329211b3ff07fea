import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Settings } from '../../src/ui-model/settings';
import { resolveLang } from '../../src/ui-model/settings';
import type { StoredDataSummary } from '../protocol/messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';
import { Shield } from '../ui/icons';
import { DataSection } from './data-section';
import { DismissedSection } from './dismissed-section';
import { BlockingSection, ContinuedSitesSection } from './blocking-section';
import { FeedsSection } from './feeds-section';
import { HiddenWarningsSection } from './hidden-warnings-section';
import { NotCheckedSection } from './not-checked-section';
import { PanelOpensSection } from './panel-opens-section';
import { PersonalListsSection } from './personal-lists-section';
import { ProtectionSection } from './protection-section';
import { RegistryAnswersSection } from './registry-answers-section';
import { ReportEndpointsSection } from './report-endpoints-section';

interface Props {
  initial: Settings;
  summary: StoredDataSummary;
  t: T;
  /** Called after the language changed, to re-render in it. */
  onLanguage: (settings: Settings) => void;
}

const LANGUAGE_NAMES: Record<Exclude<Settings['language'], 'auto'>, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** A group of the page under its own heading. */
function Group({ id, title, help, children }: { id: string; title: string; help?: string; children: ComponentChildren }) {
  return (
    <section class="lz-group" aria-labelledby={`lz-g-${id}`} data-group={id}>
      <h2 id={`lz-g-${id}`}>{title}</h2>
      {help && <p class="lz-group-help">{help}</p>}
      {children}
    </section>
  );
}

/**
 * The options, in the order a shopper needs them: language; when the panel opens; what protects them
 * now (the lists loaded, how fresh; the recommended ones); their own lists; then what only some need
 * (feeds by URL and key, report endpoints, sites not checked); last, what data is kept.
 */
export function OptionsApp({ initial, summary: initialSummary, t, onLanguage }: Props) {
  const [settings, setSettings] = useState(initial);
  const [summary, setSummary] = useState(initialSummary);
  const [status, setStatus] = useState('');
  const lang = resolveLang(settings, navigator.language);
  const refreshSummary = () => void send('getStoredDataSummary', {}).then(setSummary);

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

  return (
    <main class="lz-options">
      <h1>
        <Shield level="none" />
        {t('optionsTitle')}
      </h1>
      <section class="lz-group" data-group="language">
        <h2>
          <label for="lz-language">{t('optLanguage')}</label>
        </h2>
        <div class="lz-box">
          <select id="lz-language" value={settings.language} onChange={(e) => void save({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
            <option value="auto">{t('optLanguageAuto')}</option>
            {Object.entries(LANGUAGE_NAMES).map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </section>
      <Group id="panel" title={t('optGroupPanel')}>
        <PanelOpensSection settings={settings} t={t} save={(next) => void save(next)} />
      </Group>
      <Group id="protection" title={t('optGroupProtection')}>
        <ProtectionSection t={t} lang={lang} />
      </Group>
      <Group id="mine" title={t('optGroupMine')}>
        <PersonalListsSection t={t} />
        <HiddenWarningsSection t={t} />
        <DismissedSection sites={summary.dismissedSites} t={t} onChange={refreshSummary} />
      </Group>
      <Group id="advanced" title={t('optGroupAdvanced')} help={t('optGroupAdvancedHelp')}>
        <FeedsSection t={t} />
        <BlockingSection t={t} lang={lang} />
        <ReportEndpointsSection t={t} />
        <NotCheckedSection settings={settings} t={t} save={(next) => void save(next)} />
      </Group>
      <Group id="data" title={t('optData')}>
        <ContinuedSitesSection key={`continued-${summary.continuedSites}`} t={t} onChange={refreshSummary} />
        <RegistryAnswersSection key={summary.registryAnswers} t={t} lang={lang} onChange={refreshSummary} />
        <DataSection
          summary={summary}
          t={t}
          onCleared={async (s) => {
            setSummary(s);
            setSettings(await send('getSettings', {}));
            setStatus(s.reports.waiting + s.reports.kept ? t('optClearKeeps', s.reports.waiting + s.reports.kept) : t('optCleared'));
          }}
        />
      </Group>
      <div class="lz-saved" role="status" aria-live="polite">
        {status}
      </div>
    </main>
  );
}
