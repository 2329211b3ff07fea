/**
 * The browser's own request blocking (declarativeNetRequest) for the sites the lists block: pure
 * rule building, limits and budgets as data (the background applies them: block-rules-service.ts).
 *
 * One rule holds many domains (`requestDomains`, which also matches every subdomain, as the lists'
 * parent-domain lookup does) and redirects the top-level navigation to the block page, the blocked
 * URL in its fragment. A redirect is an "unsafe" rule and carrying the URL needs a `regexFilter`,
 * so the rules count against MAX_NUMBER_OF_REGEX_RULES (1000 in both browsers) and the unsafe or
 * dynamic rule limit (5000); a few dozen rules of up to DOMAINS_PER_RULE domains stay far below both.
 * What binds is the number of domains (`BrowserLimits.maxDomains`): see README, "Blocking".
 */

/** The subset of chrome.declarativeNetRequest.Rule that these rules use. */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: { regexFilter?: string; requestDomains: string[]; resourceTypes: ['main_frame'] };
}

/** What a browser allows, read from its declarativeNetRequest constants where it has them. */
export interface BrowserLimits {
  /** Redirect rules we may add: the smaller of the regex and the unsafe/dynamic rule limits. */
  maxRules: number;
  /** Domains we hand to the browser at most (beyond them, the document_start check does the work). */
  maxDomains: number;
}

/** The lists' redirect rules: below every rule of the shopper's own (personal-rules.ts). */
export const LIST_RULE_PRIORITY = 1;
/** The session rule of the sites the shopper continued to: above everything (checkNavigation asks it first). */
export const CONTINUED_RULE_PRIORITY = 1_000_000;

/** Domains per rule: small enough that a list update rewrites little, large enough for few rules. */
export const DOMAINS_PER_RULE = 5000;

/**
 * Domains per browser. Chromium indexes `requestDomains` (a lookup costs the same for any size; a
 * rebuild costs about 5 s per million domains here), Firefox compares the host with each domain of
 * a rule in turn on every top-level navigation (ExtensionDNR.sys.mjs, #matchesDomains), so there a
 * long list would slow every page load: it gets a budget a navigation pays well under a millisecond for.
 */
export const DOMAIN_BUDGET = { chromium: 150_000, firefox: 20_000 } as const;

/** The browser's constants (undefined where a browser lacks one) → our limits, leaving room to spare. */
export function browserLimits(
  constants: { MAX_NUMBER_OF_REGEX_RULES?: number; MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES?: number; MAX_NUMBER_OF_DYNAMIC_RULES?: number; MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES?: number },
  browser: keyof typeof DOMAIN_BUDGET,
): BrowserLimits {
  const regex = constants.MAX_NUMBER_OF_REGEX_RULES ?? 1000;
  const unsafe = constants.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES ?? constants.MAX_NUMBER_OF_DYNAMIC_RULES ?? constants.MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES ?? 5000;
  // Other extensions' regex rules do not count against ours, but our own future rules might: keep half.
  const maxRules = Math.max(1, Math.floor(Math.min(regex, unsafe) / 2));
  return { maxRules, maxDomains: Math.min(DOMAIN_BUDGET[browser], maxRules * DOMAINS_PER_RULE) };
}

/** One source of blocked domains, in the order the budget is spent (the shopper's own first). */
export interface DomainSource {
  name: string;
  domains: readonly string[];
}

export interface BuiltRules {
  rules: DnrRule[];
  /** Domains the rules hold. */
  domains: number;
  /** Domains left to the document_start check (over the budget), by source. */
  overflow: Record<string, number>;
}

const DOMAIN = /^(?=.{1,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** Drops domains a parent in the set already covers (requestDomains matches subdomains). */
function withoutCovered(domains: Set<string>): string[] {
  return [...domains].filter((d) => {
    for (let i = d.indexOf('.'); i >= 0 && i < d.length - 1; i = d.indexOf('.', i + 1)) if (domains.has(d.slice(i + 1))) return false;
    return true;
  });
}

/**
 * The redirect rules for `sources` within `limits` (`redirectPrefix`: the block page's address up
 * to its '#', block-page-url.ts): domains are taken source by source until the
 * budget is spent (what is left is counted in `overflow`), sorted, and cut into rules.
 */
export function buildBlockRules(sources: readonly DomainSource[], limits: BrowserLimits, redirectPrefix: string): BuiltRules {
  const taken = new Set<string>();
  const overflow: Record<string, number> = {};
  for (const source of sources) {
    for (const raw of source.domains) {
      const d = raw.toLowerCase();
      if (!DOMAIN.test(d) || taken.has(d)) continue;
      if (taken.size >= limits.maxDomains) overflow[source.name] = (overflow[source.name] ?? 0) + 1;
      else taken.add(d);
    }
  }
  const domains = withoutCovered(taken).sort();
  const rules: DnrRule[] = [];
  for (let i = 0; i < domains.length && rules.length < limits.maxRules; i += DOMAINS_PER_RULE) {
    rules.push({
      id: rules.length + 1,
      priority: LIST_RULE_PRIORITY,
      // \0 is the whole URL: the prefix ends in '#', so the block page reads it from its fragment.
      action: { type: 'redirect', redirect: { regexSubstitution: `${redirectPrefix}\\0` } },
      condition: { regexFilter: '^https?://.*', requestDomains: domains.slice(i, i + DOMAINS_PER_RULE), resourceTypes: ['main_frame'] },
    });
  }
  return { rules, domains: rules.reduce((n, r) => n + r.condition.requestDomains.length, 0), overflow };
}

/** The session rule letting the sites the shopper continued to through (above every redirect). */
export function allowRules(sites: readonly string[]): DnrRule[] {
  const domains = [...new Set(sites)].filter((d) => DOMAIN.test(d)).sort();
  return domains.length ? [{ id: 1, priority: CONTINUED_RULE_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: domains, resourceTypes: ['main_frame'] } }] : [];
}

/** A short fingerprint of a rule set, so an unchanged set is not handed to the browser again. */
export function rulesDigest(rules: readonly DnrRule[]): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(rules);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${rules.length}:${text.length}:${(h >>> 0).toString(16)}`;
}
