import type { Lang } from '../i18n/lang';
import type { DataLookups } from '../feed/lookup-types';
import { foundAnything, type PageFacts } from '../scan/facts';
import { officialChecks } from '../registries/official-check';
import type { RegistryLookup } from '../feed/registry-lookup';
import type { Finding, Level, ScanResult, Severity, Verdict } from '../types';
import { RULES } from './registry';
import { hideMarkedWrong, personalDecision, type UserRules, type UserRulesView } from './user-rules';

/** What judge() may use besides the page's facts. */
export interface JudgeContext {
  lang: Lang;
  /**
   * What the lists said about the page. Absent when no list was asked at all (the CLI without
   * --feed): then no list rule speaks. A lookup that failed is present, with an 'error' status, and
   * says "could not check".
   */
  lookups?: DataLookups;
  /** The user's own rules (hidden warnings, personal lists); absent where there is no user (the CLI). */
  user?: UserRules;
}

/** A verdict, and what the user's own rules did to it (null when none were given). */
export interface Judgement {
  verdict: Verdict;
  user: UserRulesView | null;
}

const RANK: Record<Severity, number> = { danger: 4, warning: 3, caution: 2, info: 1 };

/**
 * The one judge: every rule in the registry whose input is given, then the user's hidden warnings,
 * then the findings ordered worst first (registry order within a severity) and the level set from
 * them. Pure: the same facts and context give the same verdict.
 */
export function judge(facts: PageFacts, context: JudgeContext): Judgement {
  const { lang, lookups, user } = context;
  const personal = user ? personalDecision(facts, user) : null;
  const findings: Finding[] = [];
  const mine: Finding[] = [];
  for (const rule of RULES) {
    if (rule.judges === 'page') findings.push(...rule.evaluate({ facts, lang }));
    else if (rule.judges === 'lists') {
      if (lookups) findings.push(...rule.evaluate({ facts, lookups, lang }));
    } else if (user) mine.push(...rule.evaluate({ facts, user, personal, lang }));
  }
  if (!user) return { verdict: verdictOf(findings, facts), user: null };
  // The user's "this is wrong" hides other rules' findings; their own warn entry is removed in the options.
  const { kept, hiddenCodes } = hideMarkedWrong(findings, facts.url, user);
  return { verdict: verdictOf([...kept, ...mine], facts), user: { hiddenCodes, personal } };
}

/**
 * The facts with their verdict: the CLI's JSON contract and what the panel and popup show (with the
 * user's registry answers for the page's values, when there are any).
 */
export function judged(facts: PageFacts, verdict: Verdict, registry: readonly RegistryLookup[] = []): ScanResult {
  const result: ScanResult = { url: facts.url, identifiers: facts.identifiers, licenses: facts.licenses, badges: facts.badges, verdict };
  if (registry.length) result.official = officialChecks(registry, facts.identifiers);
  return result;
}

function verdictOf(findings: Finding[], facts: PageFacts): Verdict {
  // A stable sort: within a severity, findings keep the registry's order.
  const sorted = [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return { level: levelOf(sorted, foundAnything(facts)), findings: sorted };
}

/**
 * The worst finding decides; with none, "ok" when the page showed something (or an info finding
 * about the shop), else "none". A note about our own data or reading (topic data-status: lists
 * missing, the page read only in part) is no credential: alone it never makes "ok", which shows a
 * green ✓ and "credentials found" (issue 15: a huge page read in part, with nothing found in the
 * part read, showed exactly that).
 */
function levelOf(findings: Finding[], foundSomething: boolean): Level {
  const worst = findings.reduce((w, f) => Math.max(w, RANK[f.severity]), 0);
  if (worst >= 4) return 'danger';
  if (worst === 3) return 'warning';
  if (worst === 2) return 'caution';
  return foundSomething || findings.some((f) => f.severity === 'info' && f.topic !== 'data-status') ? 'ok' : 'none';
}
