import type { Lang } from '../../src/i18n/lang';
import { ASSISTED_SITES } from '../../src/registries/assisted-sites';
import type { OfficialCheck } from '../../src/registries/official-check';
import type { Identifier, IdentifierKind } from '../../src/types';
import { lookupsFor } from '../../src/ui-model/lookups';
import type { T } from './i18n';
import { LookupButtons, type Copy, type Verify } from './lookup-buttons';
import { OfficialLine } from './official-line';

/** What a number's lookups need from the view around them (panel or popup). */
export interface LookupContext {
  t: T;
  lang: Lang;
  copy: Copy;
  official: OfficialCheck[] | undefined;
  /** "到官方网站核实" through the extension (assisted lookup); absent where it cannot be done. */
  onVerify: ((kind: IdentifierKind, value: string, site: string) => void) | undefined;
}

/** The registry answers the user has for this identifier (matched in the worker: OfficialCheck.shown). */
const checksOf = (id: Identifier, official: OfficialCheck[] | undefined): OfficialCheck[] => (official ?? []).filter((c) => c.shown.includes(`${id.kind}:${id.value}`));

/** The lookup site id of a registry (gsxt → gsxt, miit → icp …), to ask it again. */
const lookupSiteOf = (site: string) => Object.keys(ASSISTED_SITES).find((k) => ASSISTED_SITES[k] === site) ?? site;

/**
 * A number's official lookups: what the registries already told the user about it (with its age
 * and "重新核实"), then the places to check it, by the number or by the holder's name. One piece for
 * the page's numbers and the numbers read from a licence picture alike.
 */
export function IdLookups({ id, company, t, lang, copy, official, onVerify }: { id: Identifier; company: string | null } & LookupContext) {
  const verify: Verify | undefined = onVerify && ((l) => onVerify(id.kind, id.value, l.site.id));
  const lookups = lookupsFor(id.kind, id.value, company);
  return (
    <>
      {checksOf(id, official).map((c) => (
        <OfficialLine key={c.site} check={c} t={t} lang={lang} onRefresh={onVerify && (() => onVerify(id.kind, id.value, lookupSiteOf(c.site)))} />
      ))}
      {lookups.length > 0 ? <LookupButtons lookups={lookups} t={t} lang={lang} copy={copy} verify={verify} /> : <p class="lz-id-note">{t('lookupNeedsName')}</p>}
    </>
  );
}
