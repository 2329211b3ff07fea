import type { Finding, Level, Severity } from '../types';
import { badgeMismatch } from './rules/badge-mismatch';
import { badgeSpoofed } from './rules/badge-spoofed';
import { idInvalid } from './rules/id-invalid';
import { licenseMissingRule } from './rules/license-missing';
import { personalWarn } from './rules/personal-warn';
import { psbProvinceMismatch } from './rules/psb-province-mismatch';
import type { PageRule, RuleContext, RuleInfo } from './rule';

/** Rules that judge the page itself, in the order their findings are listed. */
export const PAGE_RULES: readonly PageRule[] = [badgeSpoofed, badgeMismatch, idInvalid, psbProvinceMismatch];

/** Every rule whose findings can appear (page rules and data rules), for the UI's explanations. */
const ALL_RULES: RuleInfo[] = [...PAGE_RULES, licenseMissingRule, personalWarn];

/** Registers rules defined elsewhere (data rules from feeds, platform rules). */
export function registerRules(...rules: RuleInfo[]): void {
  for (const r of rules) if (!ALL_RULES.some((x) => x.code === r.code)) ALL_RULES.push(r);
}

export const ruleByCode = (code: string): RuleInfo | undefined => ALL_RULES.find((r) => r.code === code);

const RANK: Record<Severity, number> = { danger: 4, warning: 3, caution: 2, info: 1 };

/** Runs the page rules. */
export function evaluatePage(ctx: RuleContext): Finding[] {
  return PAGE_RULES.flatMap((r) => r.evaluate(ctx));
}

/** The verdict level: the worst finding; ok when something was found and nothing is wrong. */
export function levelOf(findings: Finding[], foundSomething: boolean): Level {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, RANK[f.severity]);
  if (worst >= 4) return 'danger';
  if (worst === 3) return 'warning';
  if (worst === 2) return 'caution';
  return foundSomething || worst === 1 ? 'ok' : 'none';
}

/** Sorts findings worst first, keeping rule order within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}
