import type { Identifier } from '../types';
import { domainMatches, domainSpecificity, hostOf } from './domain-pattern';
import type { PersonalAction, PersonalEntry } from './personal-entry';
import { normalizeIdentifierValue } from './parse-entry';

/** One entry that applies to the page, and what it matched. */
export interface PersonalMatch {
  entry: PersonalEntry;
  /** The host or identifier value on the page that the entry matched. */
  matched: string;
}

/** The user's own decision for a page, with every entry that applies (for the panel to show). */
export interface PersonalDecision {
  /** null when no entry applies: the normal checks decide. */
  action: PersonalAction | null;
  /** The entry that decided, or null. */
  decidedBy: PersonalMatch | null;
  matches: PersonalMatch[];
}

/**
 * Applies the user's lists to a page. When entries disagree, the most specific wins: an identifier
 * beats a domain, an exact host beats a wildcard, a longer wildcard beats a shorter one. On an
 * exact tie "warn" wins: the user asked to be warned about that shop, and saying nothing would be
 * the surprise.
 */
export function matchPersonalLists(
  url: string,
  identifiers: readonly Pick<Identifier, 'kind' | 'value'>[],
  entries: readonly PersonalEntry[],
): PersonalDecision {
  // Most users keep no personal lists: judge() asks on every page.
  if (!entries.length) return { action: null, decidedBy: null, matches: [] };
  const host = hostOf(url);
  const onPage = identifiers.map((i) => ({ kind: i.kind, value: normalizeIdentifierValue(i.value) }));
  const scored: { match: PersonalMatch; score: number }[] = [];
  for (const entry of entries) {
    const t = entry.target;
    if (t.type === 'domain') {
      if (host && domainMatches(host, t.pattern)) scored.push({ match: { entry, matched: host }, score: domainSpecificity(t.pattern) });
    } else {
      const hit = onPage.find((i) => i.kind === t.kind && i.value === t.value);
      if (hit) scored.push({ match: { entry, matched: hit.value }, score: 1_000_000 });
    }
  }
  if (!scored.length) return { action: null, decidedBy: null, matches: [] };
  scored.sort((a, b) => b.score - a.score || (a.match.entry.action === 'warn' ? -1 : 0) - (b.match.entry.action === 'warn' ? -1 : 0));
  const best = scored[0]!.match;
  return { action: best.entry.action, decidedBy: best, matches: scored.map((s) => s.match) };
}
