import type { Lang } from '../i18n/lang';
import { matchPersonalLists } from '../personal-lists/match-personal-lists';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import { personalWarn } from './rules/personal-warn';
import { makeFinding } from './rule';
import { levelOf, sortFindings } from './registry';
import type { ScanResult } from '../types';
import { pageHost, type FindingSuppression } from '../user-rules/suppression';

/** The user's own rules that apply to pages: hidden warnings and personal lists. */
export interface UserRules {
  /** Suppressions (only those for the page's host matter; others are ignored). */
  suppressed: readonly Pick<FindingSuppression, 'host' | 'code'>[];
  personal: readonly PersonalEntry[];
}

export const NO_USER_RULES: UserRules = { suppressed: [], personal: [] };

/** What the user's rules did to a page, for the panel and popup to say so. */
export interface UserRulesView {
  /** Findings hidden because the user said they were wrong here (their codes, for "undo"). */
  hiddenCodes: string[];
  /** The personal-list entry that decided, if any. */
  personal: { action: 'warn' | 'trust'; rule: string; matched: string; note: string } | null;
}

const ruleText = (e: PersonalEntry): string => (e.target.type === 'domain' ? e.target.pattern : `${e.target.kind} ${e.target.value}`);

/**
 * Applies the user's rules to a scan (pure; applying twice gives the same result):
 * - a finding the user marked as wrong on this host is taken out, and counted in `hiddenCodes`;
 * - a personal "warn" entry adds a danger finding that names the user's own rule;
 * - a personal "trust" entry changes no finding: it is reported in `personal`, and the panel stays
 *   collapsed for it (danger still opens it: trust given earlier must not hide new hard evidence).
 * The level is recomputed from what is left.
 */
export function applyUserRules(result: ScanResult, rules: UserRules, lang: Lang): { result: ScanResult; view: UserRulesView } {
  const host = pageHost(result.url);
  const hidden = new Set(rules.suppressed.filter((s) => s.host === host).map((s) => s.code));
  const hiddenCodes: string[] = [];
  const kept = result.verdict.findings.filter((f) => {
    if (f.code === personalWarn.code) return false;
    if (!hidden.has(f.code)) return true;
    hiddenCodes.push(f.code);
    return false;
  });
  const decision = matchPersonalLists(result.url, result.identifiers, rules.personal);
  let personal: UserRulesView['personal'] = null;
  if (decision.decidedBy) {
    const { entry, matched } = decision.decidedBy;
    personal = { action: entry.action, rule: ruleText(entry), matched, note: entry.note };
    if (entry.action === 'warn') {
      const note = entry.note ? (lang === 'en' ? `: ${entry.note}` : `：${entry.note}`) : '';
      kept.push(makeFinding(personalWarn, lang, { rule: personal.rule, matched, note }, matched));
    }
  }
  const findings = sortFindings(kept);
  const foundSomething = result.identifiers.length > 0 || result.licenses.length > 0 || result.badges.length > 0;
  // Nothing of ours changed the page's findings: keep the engine's own level untouched.
  const level = hiddenCodes.length === 0 && personal?.action !== 'warn' && findings.length === result.verdict.findings.length ? result.verdict.level : levelOf(findings, foundSomething);
  return { result: { ...result, verdict: { level, findings } }, view: { hiddenCodes, personal } };
}

/** Whether the panel should open by itself: never for a trusted shop, unless something is a danger. */
export function trustAllowsOpen(result: ScanResult, view: UserRulesView): boolean {
  return view.personal?.action !== 'trust' || result.verdict.findings.some((f) => f.severity === 'danger');
}
