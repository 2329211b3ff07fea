import type { Lang } from '../../src/i18n/lang';
import type { OfficialCheck } from '../../src/registries/official-check';
import { REGISTRY_NAMES } from '../../src/registries/site-names';
import { ageOf } from '../../src/ui-model/age';
import type { T } from './i18n';

/** "3 天前" in the UI's words. */
export function ageText(at: number, t: T, now = Date.now()): string {
  const age = ageOf(at, now);
  return age.unit === 'now' ? t('ageJustNow') : t(age.unit === 'minutes' ? 'ageMinutes' : age.unit === 'hours' ? 'ageHours' : 'ageDays', age.n);
}

/**
 * What an official registry told the shopper about a number, with its age and a way to ask again.
 * The registry's words are text nodes (never HTML): the registry page is another site's content.
 */
export function OfficialLine({ check, t, lang, onRefresh }: { check: OfficialCheck; t: T; lang: Lang; onRefresh?: () => void }) {
  const site = REGISTRY_NAMES[check.site][lang];
  return (
    <div class="lz-official" data-state={check.state} data-site={check.site}>
      <b>{check.state === 'answered' ? t('officialAnswer') : t('officialUnreadable')}</b>
      <span class="lz-official-src">
        {site} · {ageText(check.at, t)}
      </span>
      {check.words && <span class="lz-official-words">{check.words}</span>}
      {onRefresh && (
        <button type="button" class="lz-link-btn" data-action="refresh-official" onClick={onRefresh}>
          {t('officialRefresh')}
        </button>
      )}
    </div>
  );
}
