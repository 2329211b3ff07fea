import type { EntityStatus, KeyType } from './format';

/** The official sites whose result pages the extension can read (src/registries/sites/). */
export { REGISTRY_SITES, type RegistrySiteId } from '../types';
import type { RegistrySiteId } from '../types';

/**
 * The lists a registry page can name an entity on. The first three are the feed's list names (the
 * same rules speak for them); a penalty or a red-list entry is kept and shown, never a verdict.
 */
export const REGISTRY_LISTS = ['abnormal-operation', 'serious-dishonest', 'court-dishonest', 'penalty', 'redlist'] as const;
export type RegistryList = (typeof REGISTRY_LISTS)[number];

/** One entry the registry shows (经营异常名录, 严重违法失信名单, 行政处罚 …), in its own words. */
export interface RegistryEntry {
  list: RegistryList;
  /** 列入日期 / 作出决定日期, as the page wrote it. */
  date: string | null;
  /** 作出决定机关. */
  authority: string | null;
  /** 列入原因 / 违法行为类型. */
  reason: string | null;
  /** 移出日期: the entity was taken off the list again (kept, but no longer a finding). */
  removedOn: string | null;
}

/** Who the registry says the company is. */
export interface RegistrySubject {
  name: string | null;
  uscc: string | null;
  /** 登记状态 as written (存续（在营、开业、在册）, 吊销，未注销 …). */
  status: string | null;
  /** The status in the feed's terms, when it is one of them. */
  state: EntityStatus | null;
}

/** An ICP or 公安 filing and what it covers. */
export interface RegistryFiling {
  kind: Extract<KeyType, 'icp' | 'psb'>;
  /** Canonical filing number (canonicalKey). */
  number: string;
  /** Domains the filing covers (canonical, no www.). */
  domains: string[];
  siteName: string | null;
}

/**
 * What one registry result page said, read from the page the shopper's own browser showed:
 * `{ site, subject, entries, notFound }` plus the filing (备案 sites), the query the page answered
 * and a few lines of the registry's own words for the evidence.
 */
export interface RegistryAnswer {
  site: RegistrySiteId;
  url: string;
  /** What was searched for, as the page shows it (in the search box, or the URL): needed for "nothing found". */
  query: string | null;
  subject: RegistrySubject | null;
  entries: RegistryEntry[];
  filing: RegistryFiling | null;
  notFound: boolean;
  /** The registry's own words ("企业名称：… 登记状态：…"), quoted as the evidence of a finding. */
  words: string;
}

/**
 * What a reader made of a page: an answer; a result page it could not read ("could not read the
 * registry's answer", never a verdict); or a page that is no result yet (search form, captcha).
 */
export type RegistryReading =
  | { state: 'answer'; answer: RegistryAnswer }
  | { state: 'unreadable'; site: RegistrySiteId; reason: string }
  | { state: 'no-result'; site: RegistrySiteId }
  | { state: 'refused'; reason: string };
