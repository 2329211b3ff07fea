import type { Settings } from '../../src/ui-model/settings';
import type { T } from '../ui/i18n';

/** When the panel opens by itself, whether good pages show the small icon, and which side it docks to. */
export function PanelOpensSection({ settings, t, save }: { settings: Settings; t: T; save: (next: Settings) => void }) {
  return (
    <>
      <div class="lz-box" role="radiogroup" aria-labelledby="lz-opens">
        <h3 id="lz-opens">{t('optPanelOpens')}</h3>
        {(['warnings', 'always'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="panelOpens" value={v} checked={settings.panelOpens === v} onChange={() => save({ ...settings, panelOpens: v })} />
            {t(v === 'always' ? 'optPanelAlways' : 'optPanelWarnings')}
          </label>
        ))}
        <p>{t('optPanelNote')}</p>
        <label class="lz-check-row">
          <input type="checkbox" name="quietPill" aria-describedby="lz-quiet-help" checked={settings.quietPill} onChange={(e) => save({ ...settings, quietPill: (e.currentTarget as HTMLInputElement).checked })} />
          {t('optQuietPill')}
        </label>
        <p id="lz-quiet-help">{t('optQuietPillHelp')}</p>
      </div>
      <div class="lz-box" role="radiogroup" aria-labelledby="lz-side">
        <h3 id="lz-side">{t('optPanelSide')}</h3>
        {(['right', 'left'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="panelSide" value={v} checked={settings.panelSide === v} onChange={() => save({ ...settings, panelSide: v })} />
            {t(v === 'right' ? 'optSideRight' : 'optSideLeft')}
          </label>
        ))}
        <p>{t('optPanelSideHelp')}</p>
      </div>
    </>
  );
}
