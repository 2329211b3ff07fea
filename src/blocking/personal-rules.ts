import { domainMatches, domainSpecificity } from '../personal-lists/domain-pattern';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import { LIST_RULE_PRIORITY, type DnrRule } from './block-rules';
/** The most rules the shopper's own domains take (the lists' rules take at most half the browser's regex rules). */
export const MAX_PERSONAL_RULES = 200;

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

/**
 * The shopper's own domain entries as the browser's rules, so that a site they chose to block is
 * stopped before any of its bytes arrive (not by the document_start guard, which loses the race
 * against the page's first inline script in Chromium), and a site they trust is never stopped by a
 * list's rule (where the block page would have nothing to say).
 *
 * The priorities are the order match-personal-lists.ts decides in: the more specific pattern wins
 * (an exact host over any wildcard, a longer wildcard over a shorter one), on a tie "warn" wins, and
 * any entry of the shopper's beats the lists (LIST_RULE_PRIORITY). An exact host needs a
 * `regexFilter` (requestDomains alone would take its subdomains too); a wildcard is its base domain
 * and every subdomain, as requestDomains matches. Every redirect carries the whole URL (\0) to the
 * block page's fragment.
 *
 * A "warn" entry without blocking blocks nothing by itself but outranks the less specific entries:
 * where it stands over a blocking one it gets an allow rule of its rank. Left to the guard, then: such
 * an entry (or one under a trust entry) on a site a list names (the list's rule is outranked, so the
 * guard's check, which sees the whole decision, sends the tab to the block page). Identifier entries
 * need the page's licence and are the scan's to decide.
 */
export function personalRules(entries: readonly PersonalEntry[], redirectPrefix: string, firstId: number): DnrRule[] {
  const rules: DnrRule[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (rules.length >= MAX_PERSONAL_RULES) break;
    if (entry.target.type !== 'domain') continue;
    const blocks = entry.action === 'warn' && entry.block === true;
    const pattern = entry.target.pattern;
    if (entry.action === 'warn' && !blocks && !overBlocking(pattern, entries)) continue;
    const wildcard = pattern.startsWith('*.');
    const host = wildcard ? pattern.slice(2) : pattern;
    if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) || seen.has(`${entry.action}:${pattern}`)) continue;
    seen.add(`${entry.action}:${pattern}`);
    // Userinfo, an optional trailing dot and a port may stand around the host; \0 is the whole URL.
    const exactHost = `^https?://(?:[^/?#@]*@)?${host.replace(REGEX_SPECIAL, '\\$&')}\\.?(?::[0-9]+)?(?:[/?#].*)?$`;
    const regexFilter = wildcard ? (blocks ? '^https?://.*' : undefined) : exactHost;
    rules.push({
      id: firstId + rules.length,
      priority: LIST_RULE_PRIORITY + 1 + 2 * domainSpecificity(pattern) + (blocks ? 1 : 0),
      action: blocks ? { type: 'redirect', redirect: { regexSubstitution: `${redirectPrefix}\\0` } } : { type: 'allow' },
      condition: { ...(regexFilter ? { regexFilter } : {}), requestDomains: [host], resourceTypes: ['main_frame'] },
    });
  }
  return rules;
}

/** Whether a less specific domain entry passing `which` covers the hosts of `pattern`. */
function coveredBy(pattern: string, entries: readonly PersonalEntry[], which: (e: PersonalEntry) => boolean): boolean {
  const host = pattern.replace(/^\*\./, '');
  return entries.some((e) => which(e) && e.target.type === 'domain' && domainSpecificity(e.target.pattern) < domainSpecificity(pattern) && domainMatches(host, e.target.pattern));
}

const blocks = (e: PersonalEntry) => e.action === 'warn' && e.block === true;
/** Whether a less specific entry that blocks covers the hosts of `pattern`. */
const overBlocking = (pattern: string, entries: readonly PersonalEntry[]) => coveredBy(pattern, entries, blocks);

/** An entry that lifts or imposes a block on its own: a trust entry, or a "warn" with blocking. */
const decides = (e: PersonalEntry) => e.target.type === 'domain' && (e.action === 'trust' || e.block === true);

/**
 * Whether the shopper's own entries leave a decision to the document_start check that their rules
 * cannot make: a plain "warn" entry under a less specific trust or blocking entry (its allow rule,
 * or the trust entry's, outranks a list's rule the whole decision keeps), or more entries than
 * MAX_PERSONAL_RULES. Without such an entry, and with every blocking list's domains in the rules,
 * the browser's rules decide every navigation and no guard is registered.
 */
export function personalLeavesToCheck(entries: readonly PersonalEntry[]): boolean {
  if (entries.filter((e) => e.target.type === 'domain').length > MAX_PERSONAL_RULES) return true;
  return entries.some((e) => e.target.type === 'domain' && !decides(e) && coveredBy(e.target.pattern, entries, decides));
}
