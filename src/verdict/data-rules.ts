import type { Lang } from '../i18n/lang';
import { abnormalOperation } from './rules/abnormal-operation';
import { blacklisted } from './rules/blacklisted';
import { creditLow } from './rules/credit-low';
import { deregistered } from './rules/deregistered';
import { creditUnknown, listsStale, listsUnavailable } from './rules/list-status';
import { nameMismatch } from './rules/name-mismatch';
import { redlisted } from './rules/redlisted';
import { levelOf, registerRules, sortFindings } from './registry';
import type { Finding, ScanResult } from '../types';
import type { DataRule } from './data-rule';
import type { DataLookups } from '../feed/lookup-types';

/** Rules judging feed lookups, in the order their findings are listed. */
export const DATA_RULES: readonly DataRule[] = [
  blacklisted,
  deregistered,
  nameMismatch,
  abnormalOperation,
  creditLow,
  redlisted,
  listsUnavailable,
  listsStale,
  creditUnknown,
];

// So that explanations (advice) of data findings are found by code wherever findings are shown.
registerRules(...DATA_RULES);

/** Runs the data rules (pure). */
export function evaluateData(result: ScanResult, lookups: DataLookups, lang: Lang): Finding[] {
  return DATA_RULES.flatMap((r) => r.evaluate({ result, lookups, lang }));
}

/**
 * The scan with data findings added and the verdict recomputed. Earlier data findings (from a
 * previous application) are replaced, so applying twice does not duplicate them.
 */
export function withDataFindings(result: ScanResult, lookups: DataLookups, lang: Lang): ScanResult {
  const codes = new Set(DATA_RULES.map((r) => r.code));
  const page = result.verdict.findings.filter((f) => !codes.has(f.code));
  const findings = sortFindings([...page, ...evaluateData(result, lookups, lang)]);
  const foundSomething = result.identifiers.length > 0 || result.licenses.length > 0 || result.badges.length > 0;
  return { ...result, verdict: { level: levelOf(findings, foundSomething), findings } };
}
