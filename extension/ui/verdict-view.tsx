import type { Lang } from '../../src/i18n/lang';
import type { Badge, Identifier, ScanResult } from '../../src/types';
import { badgeLookup, lookupsFor, SITES } from '../../src/ui-model/lookups';
import { DataStatus, splitStatus } from './data-status';
import { FindingCard, type Dispute, type Locate } from './finding-card';
import { kindKey, type T } from './i18n';
import { ExternalGlyph } from './icons';
import { LookupButtons, type Copy, type Verify } from './lookup-buttons';
import { OfficialLine } from './official-line';
import type { OfficialCheck } from '../../src/registries/official-check';
import { ASSISTED_SITES } from '../../src/registries/assisted-sites';
import type { IdentifierKind } from '../../src/types';

export interface VerdictViewProps {
  result: ScanResult;
  t: T;
  lang: Lang;
  copy: Copy;
  /** Present on the page itself (the panel); the popup cannot point into the page. */
  locate?: Locate;
  /** "This warning is wrong" on each finding (panel and popup). */
  onDispute?: Dispute;
  /** "到官方网站核实" through the extension (assisted lookup): panel and popup. */
  onVerify?: (kind: IdentifierKind, value: string, site: string) => void;
}

/** Findings, then the numbers found with their official lookups, then the badges. */
export function VerdictView({ result, t, lang, copy, locate, onDispute, onVerify }: VerdictViewProps) {
  const { shop: findings, status } = splitStatus(result.verdict.findings);
  return (
    <div class="lz-body">
      {findings.length > 0 && (
        <section class="lz-section" aria-label={t('sectionFindings')}>
          <h3>{t('sectionFindings')}</h3>
          <ul class="lz-list">
            {findings.map((f, i) => (
              <FindingCard key={`${f.code}-${i}`} finding={f} t={t} locate={locate} onDispute={onDispute} />
            ))}
          </ul>
        </section>
      )}
      <DataStatus findings={status} t={t} />
      {result.identifiers.length > 0 && (
        <section class="lz-section" aria-label={t('sectionIdentifiers')}>
          <h3>{t('sectionIdentifiers')}</h3>
          <ul class="lz-list">
            {result.identifiers.map((id) => (
              <IdentifierRow key={`${id.kind}-${id.value}`} id={id} t={t} lang={lang} copy={copy} official={result.official} onVerify={onVerify} />
            ))}
          </ul>
        </section>
      )}
      {result.badges.length > 0 && (
        <section class="lz-section" aria-label={t('sectionBadges')}>
          <h3>{t('sectionBadges')}</h3>
          <ul class="lz-list">
            {result.badges.map((b, i) => (
              <BadgeRow key={`${b.href}-${i}`} badge={b} t={t} lang={lang} copy={copy} />
            ))}
          </ul>
        </section>
      )}
      <p class="lz-note">{t('uncheckedNote')}</p>
    </div>
  );
}

/** The registry answers the user has for this identifier (matched in the worker: OfficialCheck.shown). */
const checksOf = (id: Identifier, official: OfficialCheck[] | undefined): OfficialCheck[] => (official ?? []).filter((c) => c.shown.includes(`${id.kind}:${id.value}`));

/** The lookup site id of a registry (gsxt → gsxt, miit → icp …), to ask it again. */
const lookupSiteOf = (site: string) => Object.keys(ASSISTED_SITES).find((k) => ASSISTED_SITES[k] === site) ?? site;

function IdentifierRow({ id, t, lang, copy, official, onVerify }: { id: Identifier; t: T; lang: Lang; copy: Copy; official: OfficialCheck[] | undefined; onVerify: VerdictViewProps['onVerify'] }) {
  const verify: Verify | undefined = onVerify && ((l) => onVerify(id.kind, id.value, l.site.id));
  const checks = checksOf(id, official);
  return (
    <li class="lz-card lz-id" data-kind={id.kind}>
      <span class="lz-id-kind">{t(kindKey(id.kind))}</span>
      <span class="lz-check" data-valid={String(id.valid)}>
        {id.valid ? t('valid') : `✗ ${t('invalid')}`}
      </span>
      <span class="lz-id-value">{id.value}</span>
      <span />
      {checks.map((c) => (
        <OfficialLine key={c.site} check={c} t={t} lang={lang} onRefresh={onVerify && (() => onVerify(id.kind, id.value, lookupSiteOf(c.site)))} />
      ))}
      <LookupButtons lookups={lookupsFor(id.kind, id.value)} t={t} lang={lang} copy={copy} verify={verify} />
    </li>
  );
}

function BadgeRow({ badge, t, lang, copy }: { badge: Badge; t: T; lang: Lang; copy: Copy }) {
  const verify = badgeLookup(badge);
  const status = badge.selfHosted ? t('badgeSelfHosted') : badge.official ? t('badgeOfficial') : t('badgeNotOfficial');
  return (
    <li class="lz-card lz-id" data-severity={badge.official ? undefined : 'warning'}>
      <span class="lz-id-kind">{badge.claims}</span>
      <span class="lz-check" data-valid={String(badge.official)}>
        {badge.official ? status : `✗ ${status}`}
      </span>
      <span class="lz-id-value">{badge.host}</span>
      <span />
      {verify && (
        <div class="lz-actions">
          <a class="lz-btn" href={verify.url} target="_blank" rel="noopener noreferrer">
            <ExternalGlyph />
            {t('badgeVerify')}
          </a>
        </div>
      )}
      {!verify && !badge.official && <LookupButtons lookups={[{ site: SITES.gsxt, url: SITES.gsxt.home, copy: null }]} t={t} lang={lang} copy={copy} />}
    </li>
  );
}

/** The level's headline and hint keys. */
