import type { Lang } from '../i18n/lang';
import type { Finding } from '../types';
import { abnormalOperation } from './rules/abnormal-operation';
import { badgeMismatch } from './rules/badge-mismatch';
import { badgeSpoofed } from './rules/badge-spoofed';
import { blacklisted } from './rules/blacklisted';
import { creditLow } from './rules/credit-low';
import { deregistered } from './rules/deregistered';
import { filingMismatch } from './rules/filing-mismatch';
import { idInvalid } from './rules/id-invalid';
import { licenceConflict } from './rules/licence-conflict';
import { licenceTampered } from './rules/licence-tampered';
import { licenseMissing } from './rules/license-missing';
import { permitsWithoutLicense } from './rules/permits-without-license';
import { drugInfoNotForSale } from './rules/drug-info-not-for-sale';
import { creditUnknown, listsStale, listsUnavailable } from './rules/list-status';
import { nameMismatch } from './rules/name-mismatch';
import { pagePartlyRead } from './rules/page-partly-read';
import { notRegistered } from './rules/not-registered';
import { personalWarn } from './rules/personal-warn';
import { pictureUnclear } from './rules/picture-unclear';
import { psbProvinceMismatch } from './rules/psb-province-mismatch';
import { redlisted } from './rules/redlisted';
import { registryUnreadable } from './rules/registry-unreadable';
import { fill, type Rule } from './rule';

/**
 * Every verdict rule, once, in the order its findings are listed within a severity: the page's own
 * rules, then what the lists said, then the user's own. judge() runs them; the CLI, the panel and
 * the popup explain findings from here. A test fails when a file in rules/ is not registered.
 */
export const RULES: readonly Rule[] = [
  // What the page shows (its pictures included).
  licenceTampered,
  badgeSpoofed,
  badgeMismatch,
  idInvalid,
  licenceConflict,
  psbProvinceMismatch,
  licenseMissing,
  permitsWithoutLicense,
  drugInfoNotForSale,
  pagePartlyRead,
  pictureUnclear,
  // What the lists say about it.
  blacklisted,
  notRegistered,
  deregistered,
  nameMismatch,
  filingMismatch,
  abnormalOperation,
  creditLow,
  redlisted,
  listsUnavailable,
  listsStale,
  creditUnknown,
  registryUnreadable,
  // The user's own lists.
  personalWarn,
];

const BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));

export const ruleByCode = (code: string): Rule | undefined => BY_CODE.get(code);

/** Why a finding matters and what to do, in `lang`; null for a code no rule has (an older verdict). */
export function adviceFor(finding: Pick<Finding, 'code' | 'params'>, lang: Lang): string | null {
  const rule = BY_CODE.get(finding.code);
  return rule ? fill(rule.advice[lang], finding.params) : null;
}

/** Findings about the state of our own data (lists missing, stale, a failed lookup), not the shop. */
export const isDataStatus = (finding: Pick<Finding, 'code'>): boolean => BY_CODE.get(finding.code)?.topic === 'data-status';
