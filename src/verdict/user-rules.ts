import { matchPersonalLists } from '../personal-lists/match-personal-lists';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import type { PageFacts } from '../scan/facts';
import type { Finding } from '../types';
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

/** The personal-list entry that decides for this page (the most specific one), or null. */
export function personalDecision(facts: Pick<PageFacts, 'url' | 'identifiers'>, user: UserRules): UserRulesView['personal'] {
  const decision = matchPersonalLists(facts.url, facts.identifiers, user.personal);
  if (!decision.decidedBy) return null;
  const { entry, matched } = decision.decidedBy;
  return { action: entry.action, rule: ruleText(entry), matched, note: entry.note };
}

/**
 * "This warning is wrong": takes out the findings the user marked as wrong on this page's host.
 * Not a rule of its own (it makes no finding): the user's override of any rule's finding, applied
 * by judge() after every rule has spoken. Returns what is kept and the codes taken out.
 */
export function hideMarkedWrong(findings: Finding[], url: string, user: UserRules): { kept: Finding[]; hiddenCodes: string[] } {
  const host = pageHost(url);
  const hidden = new Set(user.suppressed.filter((s) => s.host === host).map((s) => s.code));
  if (!hidden.size) return { kept: findings, hiddenCodes: [] };
  const hiddenCodes: string[] = [];
  const kept = findings.filter((f) => {
    if (!hidden.has(f.code)) return true;
    hiddenCodes.push(f.code);
    return false;
  });
  return { kept, hiddenCodes };
}

/** Whether the panel should open by itself: never for a trusted shop, unless something is a danger. */
export function trustAllowsOpen(findings: readonly Finding[], view: UserRulesView | null): boolean {
  return view?.personal?.action !== 'trust' || findings.some((f) => f.severity === 'danger');
}
