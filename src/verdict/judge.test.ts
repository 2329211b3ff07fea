import { describe, expect, it } from 'vitest';
import type { DataLookups } from '../feed/lookup-types';
import type { PageFacts } from '../scan/facts';
import type { Badge, Identifier } from '../types';
import { judge, judged } from './judge';
import { RULES } from './registry';
import { NO_USER_RULES } from './user-rules';

const USCC = '91330106MA2H3P7L4H';
const uscc: Identifier = { kind: 'uscc', value: USCC, valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: `统一社会信用代码：${USCC}`, count: 1, ref: 0 };
const badUscc: Identifier = { kind: 'uscc', value: '91110105MA01R7KX5X', valid: false, problems: ['check-character'], label: '统一社会信用代码', source: 'text', evidence: '91110105MA01R7KX5X', count: 1, ref: 1 };
const fake: Badge = { href: 'https://gsxt-verify.example.com/x', host: 'gsxt-verify.example.com', claims: '电子营业执照', official: false, authority: null, selfHosted: false, embedded: [], ref: 2 };
const facts = (over: Partial<PageFacts> = {}): PageFacts => ({ url: 'https://shop.example.com/item/1', identifiers: [], licenses: [], badges: [], store: null, ...over });
const lookups = (over: Partial<DataLookups> = {}): DataLookups => ({ matches: [], entities: [], status: { state: 'ok', feeds: [] }, ...over });
const codes = (f: { findings: { code: string }[] }) => f.findings.map((x) => x.code);

describe('judge', () => {
  it('says none for a page that shows nothing, ok for one whose licence passes every check (never "clean")', () => {
    expect(judge(facts(), { lang: 'zh-CN' }).verdict).toEqual({ level: 'none', findings: [] });
    expect(judge(facts({ identifiers: [uscc] }), { lang: 'zh-CN' }).verdict).toEqual({ level: 'ok', findings: [] });
  });

  it('sets the level from the worst finding and lists findings worst first, registry order within a severity', () => {
    const v = judge(facts({ identifiers: [uscc, badUscc], badges: [fake] }), { lang: 'en' }).verdict;
    expect(v.level).toBe('danger');
    expect(codes(v)).toEqual(['badge-spoofed', 'id-invalid']);
    const severities = v.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['danger', 'warning', 'caution', 'info'].indexOf(a) - ['danger', 'warning', 'caution', 'info'].indexOf(b)));
    // A danger from the lists goes before the page's warning, though the list rules come later in the registry.
    const listed = judge(facts({ identifiers: [uscc, badUscc] }), { lang: 'en', lookups: lookups({ matches: [{ kind: 'uscc', value: USCC, list: 'serious-dishonest', record: null, feed: 'f' }] }) }).verdict;
    expect(codes(listed)).toEqual(['blacklisted', 'id-invalid']);
    expect(listed.level).toBe('danger');
  });

  it('runs list rules only when the lists were asked: no lookups, no data findings; a failed lookup says "could not check"', () => {
    const page = facts({ identifiers: [uscc] });
    expect(codes(judge(page, { lang: 'zh-CN' }).verdict)).toEqual([]);
    const none = judge(page, { lang: 'zh-CN', lookups: lookups({ status: { state: 'none', feeds: [] } }) }).verdict;
    expect(codes(none)).toEqual(['lists-unavailable']);
    // An info note about our data: the level stays ok ("no problem found"), it does not turn to alarm.
    expect(none.level).toBe('ok');
    const failed = judge(page, { lang: 'en', lookups: lookups({ status: { state: 'error', feeds: [{ name: 'lists', url: '', version: null, lastSuccess: null, stale: true, error: 'lookup failed: boom' }] } }) }).verdict;
    expect(codes(failed)).toEqual(['lists-stale']);
    expect(failed.findings[0]!.params.error).toContain('boom');
  });

  it('asks the page\'s kind only through the facts: a store page without a licence gets license-missing', () => {
    const store = { platform: null, pageType: 'product' as const, licensePageUrl: null, shopSignals: ['price', 'buy-button'], shopConfidence: 'high' as const, licenseExpected: true };
    expect(codes(judge(facts({ store }), { lang: 'zh-CN' }).verdict)).toEqual(['license-missing']);
    expect(judge(facts({ store }), { lang: 'zh-CN' }).verdict.level).toBe('caution');
    expect(codes(judge(facts({ store: null }), { lang: 'zh-CN' }).verdict)).toEqual([]);
  });

  it('applies the user\'s rules last: hidden warnings go (and are counted), a personal warn entry is a danger', () => {
    const page = facts({ identifiers: [uscc, badUscc], badges: [fake] });
    const hidden = judge(page, { lang: 'zh-CN', user: { suppressed: [{ host: 'shop.example.com', code: 'badge-spoofed' }], personal: [] } });
    expect(codes(hidden.verdict)).toEqual(['id-invalid']);
    expect(hidden.verdict.level).toBe('warning');
    expect(hidden.user).toEqual({ hiddenCodes: ['badge-spoofed'], personal: null });
    // Only on the host it was marked on.
    const elsewhere = judge({ ...page, url: 'https://other.example.org/' }, { lang: 'zh-CN', user: { suppressed: [{ host: 'shop.example.com', code: 'badge-spoofed' }], personal: [] } });
    expect(codes(elsewhere.verdict)).toContain('badge-spoofed');
    const warn = judge(facts({ identifiers: [uscc] }), { lang: 'en', user: { suppressed: [{ host: 'shop.example.com', code: 'personal-warn' }], personal: [{ action: 'warn', target: { type: 'domain', pattern: 'shop.example.com' }, note: '', addedAt: '2026-01-01T00:00:00Z' }] } });
    // The user's own warn entry cannot be hidden as "wrong": it is removed in the options.
    expect(codes(warn.verdict)).toEqual(['personal-warn']);
    expect(warn.verdict.level).toBe('danger');
    expect(warn.user?.personal).toMatchObject({ action: 'warn', matched: 'shop.example.com' });
    expect(judge(page, { lang: 'zh-CN', user: NO_USER_RULES }).verdict).toEqual(judge(page, { lang: 'zh-CN' }).verdict);
    expect(judge(page, { lang: 'zh-CN' }).user).toBeNull();
  });

  it('gives the CLI\'s contract: the facts with the verdict, without the page\'s kind', () => {
    const page = facts({ identifiers: [uscc], store: { platform: 'jd', pageType: 'shop', licensePageUrl: 'https://x/', shopSignals: [], shopConfidence: 'none', licenseExpected: true } });
    const result = judged(page, judge(page, { lang: 'zh-CN' }).verdict);
    expect(Object.keys(result)).toEqual(['url', 'identifiers', 'licenses', 'badges', 'verdict']);
  });

  it('speaks the language asked for in every rule', () => {
    const page = facts({ identifiers: [uscc, badUscc], badges: [fake] });
    const zh = judge(page, { lang: 'zh-CN' }).verdict.findings.map((f) => f.message);
    const en = judge(page, { lang: 'en' }).verdict.findings.map((f) => f.message);
    expect(zh.every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
    // English sentences around the page's own words (a label or a claim stays as the page wrote it).
    for (const m of en) expect(m, m).toMatch(/^(?=.*\b(?:is|links|not)\b)[^，。]*$/);
    expect(RULES.length).toBeGreaterThan(0);
  });
});
