import { describe, expect, it } from 'vitest';
import { CONTINUED_RULE_PRIORITY, DOMAINS_PER_RULE, DOMAIN_BUDGET, allowRules, browserLimits, buildBlockRules, rulesDigest } from './block-rules';

const PREFIX = 'chrome-extension://id/extension/block/block.html?via=rule#';
const domains = (n: number, tag = 'x') => Array.from({ length: n }, (_, i) => `${tag}${i}.example`);

describe('the browser rules for blocked domains', () => {
  it('reads each browser\'s limits and keeps within them', () => {
    // Chromium 120+ (regex 1000, unsafe dynamic 5000) and Firefox 128+ (regex 1000, dynamic 5000).
    expect(browserLimits({ MAX_NUMBER_OF_REGEX_RULES: 1000, MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: 5000, MAX_NUMBER_OF_DYNAMIC_RULES: 30000 }, 'chromium')).toEqual({ maxRules: 500, maxDomains: DOMAIN_BUDGET.chromium });
    expect(browserLimits({ MAX_NUMBER_OF_REGEX_RULES: 1000, MAX_NUMBER_OF_DYNAMIC_RULES: 5000 }, 'firefox')).toEqual({ maxRules: 500, maxDomains: DOMAIN_BUDGET.firefox });
    // A browser with few regex rules gets fewer domains than its budget: rules × domains per rule.
    expect(browserLimits({ MAX_NUMBER_OF_REGEX_RULES: 4 }, 'chromium')).toEqual({ maxRules: 2, maxDomains: 2 * DOMAINS_PER_RULE });
    expect(browserLimits({}, 'firefox').maxRules).toBe(500);
  });

  it('one redirect rule per DOMAINS_PER_RULE domains, top-level navigations only, the URL carried in the fragment', () => {
    const built = buildBlockRules([{ name: 'feed fraud-domain', domains: domains(DOMAINS_PER_RULE + 1) }], { maxRules: 10, maxDomains: 1e6 }, PREFIX);
    expect(built.rules).toHaveLength(2);
    expect(built.domains).toBe(DOMAINS_PER_RULE + 1);
    expect(built.rules.map((r) => r.id)).toEqual([1, 2]);
    const [rule] = built.rules;
    expect(rule!.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${PREFIX}\\0` } });
    expect(rule!.condition.resourceTypes).toEqual(['main_frame']);
    // The whole URL matches, so \0 is all of it.
    const url = 'https://x1.example/pay?a=1#b';
    expect(new RegExp(rule!.condition.regexFilter!).exec(url)?.[0]).toBe(url);
  });

  it('at the budget: the shopper\'s own domains first, then the lists in order; the rest is counted as left to the document_start check', () => {
    const built = buildBlockRules(
      [
        { name: 'personal', domains: ['mine.example'] },
        { name: 'a fraud-domain', domains: domains(6, 'a') },
        { name: 'b community', domains: domains(4, 'b') },
      ],
      { maxRules: 10, maxDomains: 8 },
      PREFIX,
    );
    expect(built.domains).toBe(8);
    expect(built.rules.flatMap((r) => r.condition.requestDomains)).toContain('mine.example');
    expect(built.overflow).toEqual({ 'b community': 3 });
  });

  it('never more rules than the browser allows, at its exact limits', () => {
    const limits = browserLimits({ MAX_NUMBER_OF_REGEX_RULES: 6, MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: 6 }, 'chromium');
    const built = buildBlockRules([{ name: 'big', domains: domains(limits.maxDomains + 10) }], limits, PREFIX);
    expect(built.rules.length).toBe(limits.maxRules);
    expect(built.domains).toBe(limits.maxDomains);
    expect(built.overflow).toEqual({ big: 10 });
  });

  it('drops what a parent domain already covers, repeats and what the browser would refuse', () => {
    const built = buildBlockRules([{ name: 'l', domains: ['evil.com', 'pay.evil.com', 'EVIL.com', 'evil.com', 'bad domain.com', '例子.com', 'other.cn'] }], { maxRules: 5, maxDomains: 100 }, PREFIX);
    expect(built.rules[0]!.condition.requestDomains).toEqual(['evil.com', 'other.cn']);
  });

  it('no domains, no rules; the same domains give the same digest', () => {
    expect(buildBlockRules([], { maxRules: 5, maxDomains: 100 }, PREFIX).rules).toEqual([]);
    const a = buildBlockRules([{ name: 'l', domains: ['b.com', 'a.com'] }], { maxRules: 5, maxDomains: 100 }, PREFIX).rules;
    const b = buildBlockRules([{ name: 'l', domains: ['a.com', 'b.com'] }], { maxRules: 5, maxDomains: 100 }, PREFIX).rules;
    expect(rulesDigest(a)).toBe(rulesDigest(b));
    expect(rulesDigest(a)).not.toBe(rulesDigest(buildBlockRules([{ name: 'l', domains: ['a.com'] }], { maxRules: 5, maxDomains: 100 }, PREFIX).rules));
  });

  it('the sites the shopper continued to are let through above every redirect', () => {
    expect(allowRules([])).toEqual([]);
    const [rule] = allowRules(['b.com', 'a.com', 'a.com']);
    expect(rule).toEqual({ id: 1, priority: CONTINUED_RULE_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: ['a.com', 'b.com'], resourceTypes: ['main_frame'] } });
  });
});
