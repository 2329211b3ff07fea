import type { Lang } from '../../src/i18n/lang';
import type { Badge, Identifier, IdentifierKind, ScanResult } from '../../src/types';
import { companyGroups, findingNamesBadge, unremarkedBadges, type CompanyGroup } from '../../src/ui-model/company-groups';
import { badgeFallback, badgeLookup } from '../../src/ui-model/lookups';
import { DataStatus, GoodNews, splitStatus } from './data-status';
import { FindingCard, type Dispute, type Locate } from './finding-card';
import { kindKey, type T } from './i18n';
import { ExternalGlyph } from './icons';
import { IdLookups, type LookupContext } from './id-lookups';
import { LookupButtons, type Copy } from './lookup-buttons';
import { PicturesRead } from './pictures-read';

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

/**
 * Findings (a badge's finding with the place to check what the badge claims), good news, the state
 * of the lists, then the numbers grouped by company, then the badges no finding is about.
 */
export function VerdictView({ result, t, lang, copy, locate, onDispute, onVerify }: VerdictViewProps) {
  const { shop: findings, status, good } = splitStatus(result.verdict.findings);
  // What only a picture showed is listed with its picture ("从图片读到的内容"), not again as the page's.
  const page = textOnly(result);
  const badges = unremarkedBadges(result);
  // A badge with a finding is shown by its finding: the check of what it claims goes there.
  const checkOfBadge = (f: (typeof findings)[number]) => {
    const badge = result.badges.find((b) => findingNamesBadge(f, b));
    return badge && !badge.official ? <LookupButtons lookups={[badgeFallback(badge, result.identifiers)]} t={t} lang={lang} copy={copy} /> : null;
  };
  return (
    <div class="lz-body">
      {findings.length > 0 && (
        <section class="lz-section" aria-label={t('sectionFindings')}>
          <h3>{t('sectionFindings')}</h3>
          <ul class="lz-list">
            {findings.map((f, i) => (
              <FindingCard key={`${f.code}-${i}`} finding={f} t={t} locate={locate} onDispute={onDispute} extra={checkOfBadge(f)} />
            ))}
          </ul>
        </section>
      )}
      <GoodNews findings={good} t={t} />
      <DataStatus findings={status} t={t} />
      <PicturesRead pictures={result.pictures ?? []} locate={locate} t={t} lang={lang} copy={copy} official={result.official} onVerify={onVerify} />
      {page.identifiers.length + page.licenses.length > 0 && (
        <section class="lz-section" aria-label={t('sectionIdentifiers')}>
          <h3>{t('sectionIdentifiers')}</h3>
          {companyGroups(page).map((g, i) => (
            <Company key={g.code?.value ?? g.name ?? i} group={g} only={i === 0 && !g.code && !g.name} t={t} lang={lang} copy={copy} official={result.official} onVerify={onVerify} />
          ))}
        </section>
      )}
      {badges.length > 0 && (
        <section class="lz-section" aria-label={t('sectionBadges')}>
          <h3>{t('sectionBadges')}</h3>
          <ul class="lz-list">
            {badges.map((b, i) => (
              <BadgeRow key={`${b.href}-${i}`} badge={b} identifiers={result.identifiers} t={t} lang={lang} copy={copy} />
            ))}
          </ul>
        </section>
      )}
      <p class="lz-note">{t('uncheckedNote')}</p>
    </div>
  );
}

/** The result without what only its pictures showed (shown under "从图片读到的内容"). */
function textOnly(result: ScanResult): ScanResult {
  if (!result.pictures?.length) return result;
  return { ...result, identifiers: result.identifiers.filter((i) => i.source !== 'image'), licenses: result.licenses.filter((l) => l.picture === undefined) };
}

type RowContext = LookupContext;

/**
 * One company: its name as the page gives it (or that it gives none), its code with the official
 * lookups, the numbers worth a look, and the well-formed rest folded into one row.
 */
function Company({ group, only, ...ctx }: { group: CompanyGroup; only: boolean } & RowContext) {
  const { t } = ctx;
  const heading = group.name ?? (group.code || only ? t('companyNoName') : t('companyOthers'));
  const row = (id: Identifier) => <IdentifierRow key={`${id.kind}-${id.value}`} id={id} company={group.name} {...ctx} />;
  return (
    <div class="lz-company" role="group" aria-label={heading} data-named={String(group.name !== null)}>
      {group.name && <div class="lz-company-label">{t('companyOnPage')}</div>}
      <div class="lz-company-name">{heading}</div>
      <ul class="lz-list">
        {group.code && row(group.code)}
        {group.shown.map(row)}
      </ul>
      {group.passed.length > 0 && (
        <details class="lz-passed">
          <summary>{t('morePassed', group.passed.length)}</summary>
          <ul class="lz-list">{group.passed.map(row)}</ul>
        </details>
      )}
    </div>
  );
}

function IdentifierRow({ id, company, ...ctx }: { id: Identifier; company: string | null } & RowContext) {
  const { t } = ctx;
  return (
    <li class="lz-card lz-id" data-kind={id.kind}>
      <span class="lz-id-kind">{t(kindKey(id.kind))}</span>
      <span class="lz-check" data-valid={String(id.valid)}>
        {id.valid ? t('valid') : `✗ ${t('invalid')}`}
      </span>
      <span class="lz-id-value">{id.value}</span>
      <span />
      <IdLookups id={id} company={company} {...ctx} />
    </li>
  );
}

function BadgeRow({ badge, identifiers, t, lang, copy }: { badge: Badge; identifiers: Identifier[]; t: T; lang: Lang; copy: Copy }) {
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
      {!verify && !badge.official && <LookupButtons lookups={[badgeFallback(badge, identifiers)]} t={t} lang={lang} copy={copy} />}
    </li>
  );
}
