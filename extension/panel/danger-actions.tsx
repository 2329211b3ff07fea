import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';
import { findingNamesBadge } from '../../src/ui-model/company-groups';
import { badgeFallback, lookupsFor, SITES } from '../../src/ui-model/lookups';
import type { T } from '../ui/i18n';

/**
 * Where "先别付款，去官方网站核实" goes: where the badge of the worst finding is checked, else the
 * official lookup of the number it is about, else of the page's business licence, else the national
 * registry's home.
 */
export function officialCheckUrl(result: ScanResult): string {
  const top = result.verdict.findings.find((f) => f.severity !== 'info');
  // A badge's finding: where what the badge claims is checked (公安 → beian.mps.gov.cn …).
  const badge = top && result.badges.find((b) => !b.official && findingNamesBadge(top, b));
  if (badge) return badgeFallback(badge, result.identifiers).url;
  const value = top?.params.value ?? top?.params.uscc;
  const id = (value && result.identifiers.find((i) => i.value === value)) || result.identifiers.find((i) => i.kind === 'uscc' || i.kind === 'regno');
  const lookup = id ? lookupsFor(id.kind, id.value).find((l) => l.copy === null) : undefined;
  return lookup?.url ?? SITES.gsxt.home;
}

/**
 * The danger panel's first buttons: the safe way out first and largest ("离开这个页面", then "先别
 * 付款，去官方网站核实"); going on stays possible, quietly, as a text button.
 */
export function DangerActions({ result, t, onLeave, onProceed }: { result: ScanResult; t: T; lang: Lang; onLeave: () => void; onProceed: () => void }) {
  return (
    <div class="lz-safe">
      <button type="button" class="lz-primary" data-action="leave" onClick={onLeave}>
        {t('dangerLeave')}
      </button>
      <a class="lz-secondary" data-action="check-first" href={officialCheckUrl(result)} target="_blank" rel="noopener noreferrer">
        {t('dangerCheckFirst')}
      </a>
      <button type="button" class="lz-link-btn lz-proceed" data-action="proceed" onClick={onProceed}>
        {t('dangerProceed')}
      </button>
    </div>
  );
}
