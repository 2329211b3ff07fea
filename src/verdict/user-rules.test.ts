import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../tests/unit/scan-html';
import { parseEntry } from '../personal-lists/parse-entry';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import { buildReport } from '../reports/build-report';
import { validateReport } from '../reports/validate-report';
import type { Lang } from '../i18n/lang';
import type { PageFacts } from '../scan/facts';
import type { Verdict } from '../types';
import { judge, judged } from './judge';
import { NO_USER_RULES, trustAllowsOpen, type UserRules } from './user-rules';
import { addSuppression, normalizeSuppressions, pageHost, removeSuppression, type FindingSuppression } from '../user-rules/suppression';

const URL_ = 'https://shop.example.com/item?id=7';
/** A demo page's facts, with the verdict of its page rules alone (no lists, no user). */
function demo(name: string, url = URL_): PageFacts & { verdict: Verdict } {
  const facts = factsOf(readFileSync(new URL(`../../tests/fixtures/demo/${name}`, import.meta.url), 'utf8'), url);
  return { ...facts, verdict: judge(facts, { lang: 'zh-CN' }).verdict };
}

/** judge() with the user's rules: the verdict as the user sees it, and what their rules did. */
function applyUserRules(facts: PageFacts, user: UserRules, lang: Lang) {
  const j = judge(facts, { lang, user });
  return { result: judged(facts, j.verdict), view: j.user! };
}

function entry(raw: unknown): PersonalEntry {
  const parsed = parseEntry(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.entry;
}

describe('judge() with the user\'s own rules', () => {
  it('changes nothing without rules', () => {
    const scan = demo('invalid-code.html');
    const { result, view } = applyUserRules(scan, NO_USER_RULES, 'zh-CN');
    expect(result.verdict).toEqual(scan.verdict);
    expect(view).toEqual({ hiddenCodes: [], personal: null });
  });

  it('false positive → suppression: the finding is hidden on that host only, and comes back on undo', () => {
    const scan = demo('invalid-code.html');
    expect(scan.verdict.level).toBe('warning');
    const codes = scan.verdict.findings.map((f) => f.code);
    expect(codes).toContain('psb-province-mismatch');
    const disputed = scan.verdict.findings.find((f) => f.code === 'psb-province-mismatch')!;

    // The report the user may send names the finding and its evidence.
    const report = buildReport({ kind: 'false-positive', text: '', lang: 'zh-CN', page: { url: scan.url, title: 't' }, identifiers: scan.identifiers, findings: scan.verdict.findings, disputedCode: disputed.code, now: 0, uuid: () => '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f809a1b' });
    expect(validateReport(report).ok).toBe(true);
    expect(report.falsePositive).toEqual({ code: 'psb-province-mismatch', evidence: disputed.evidence });

    // The user's own allowlist entry.
    let list: FindingSuppression[] = addSuppression([], { host: pageHost(scan.url)!, code: disputed.code, evidence: disputed.evidence, addedAt: new Date(0).toISOString() });
    list = normalizeSuppressions(JSON.parse(JSON.stringify(list)));
    const hidden = applyUserRules(scan, { suppressed: list, personal: [] }, 'zh-CN');
    expect(hidden.result.verdict.findings.map((f) => f.code)).not.toContain('psb-province-mismatch');
    expect(hidden.result.verdict.findings.map((f) => f.code)).toContain('id-invalid');
    expect(hidden.view.hiddenCodes).toEqual(['psb-province-mismatch']);

    // Another shop with the same finding is not affected.
    const other = applyUserRules({ ...scan, url: 'https://other.example.org/' }, { suppressed: list, personal: [] }, 'zh-CN');
    expect(other.result.verdict.findings.map((f) => f.code)).toContain('psb-province-mismatch');

    // Undo.
    const undone = applyUserRules(scan, { suppressed: removeSuppression(list, 'shop.example.com', disputed.code), personal: [] }, 'zh-CN');
    expect(undone.result.verdict.findings).toEqual(scan.verdict.findings);
  });

  it('hiding every warning recomputes the level (ok: identifiers were found)', () => {
    const scan = demo('invalid-code.html');
    const suppressed = scan.verdict.findings.map((f) => ({ host: 'shop.example.com', code: f.code }));
    const { result, view } = applyUserRules(scan, { suppressed, personal: [] }, 'en');
    expect(result.verdict.findings).toEqual([]);
    expect(result.verdict.level).toBe('ok');
    expect(view.hiddenCodes.length).toBe(scan.verdict.findings.length);
  });

  it('a personal "warn" entry adds a danger finding naming the user rule', () => {
    const scan = demo('clean-shop.html');
    expect(scan.verdict.level).toBe('ok');
    const warn = entry({ action: 'warn', target: { type: 'domain', pattern: '*.example.com' }, note: '买到假货' });
    const { result, view } = applyUserRules(scan, { suppressed: [], personal: [warn] }, 'zh-CN');
    expect(result.verdict.level).toBe('danger');
    const f = result.verdict.findings.find((x) => x.code === 'personal-warn')!;
    expect(f.message).toContain('*.example.com');
    expect(f.message).toContain('买到假货');
    expect(view.personal).toMatchObject({ action: 'warn', rule: '*.example.com', matched: 'shop.example.com' });
    // Gone again when the entry is removed.
    expect(applyUserRules(scan, NO_USER_RULES, 'zh-CN').result.verdict).toEqual(scan.verdict);
  });

  it('an identifier entry matches the shop on any domain', () => {
    const scan = demo('clean-shop.html');
    const warn = entry({ action: 'warn', target: { type: 'identifier', kind: 'uscc', value: '91440101MA5CKX2R1G' } });
    const { view } = applyUserRules({ ...scan, url: 'https://elsewhere.example.net/' }, { suppressed: [], personal: [warn] }, 'en');
    expect(view.personal?.rule).toBe('uscc 91440101MA5CKX2R1G');
  });

  it('"trust" keeps every finding but keeps the panel closed unless something is a danger', () => {
    const trust = entry({ action: 'trust', target: { type: 'domain', pattern: '*.shop.example.cn' } });
    const warning = demo('invalid-code.html', 'https://www.shop.example.cn/');
    const applied = applyUserRules(warning, { suppressed: [], personal: [trust] }, 'zh-CN');
    expect(applied.result.verdict).toEqual(warning.verdict);
    expect(applied.view.personal?.action).toBe('trust');
    expect(trustAllowsOpen(applied.result.verdict.findings, applied.view)).toBe(false);
    const danger = demo('spoofed-badge.html', 'https://shop.example.cn/');
    expect(danger.verdict.level).toBe('danger');
    const d = applyUserRules(danger, { suppressed: [], personal: [trust] }, 'zh-CN');
    expect(trustAllowsOpen(d.result.verdict.findings, d.view)).toBe(true);
    expect(trustAllowsOpen(warning.verdict.findings, { hiddenCodes: [], personal: null })).toBe(true);
  });

  it('normalizeSuppressions drops malformed stored entries', () => {
    expect(normalizeSuppressions([{ host: 'a.com', code: 'Bad Code', evidence: '', addedAt: '' }, null, 3, { host: 'a.com', code: 'id-invalid', evidence: 'x', addedAt: 'y' }])).toHaveLength(1);
    expect(normalizeSuppressions('nope')).toEqual([]);
  });
});
