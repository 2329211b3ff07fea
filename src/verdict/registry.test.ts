import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import { formatReport } from '../tools/cli/scan-report';
import { adviceFor, isDataStatus, ruleByCode, RULES } from './registry';
import { fill, makeFinding, type Rule } from './rule';

const RULES_DIR = new URL('./rules/', import.meta.url);

/** Every rule object exported by every file in rules/ (a rule is anything with a code and evaluate). */
async function exportedRules(): Promise<{ file: string; name: string; rule: Rule }[]> {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const out: { file: string; name: string; rule: Rule }[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, RULES_DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && 'code' in value && 'evaluate' in value) out.push({ file, name, rule: value as Rule });
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the rule registry', () => {
  it('registers every rule of every file in rules/, once, and nothing else', async () => {
    const found = await exportedRules();
    expect(found.length).toBeGreaterThan(10);
    for (const { file, name, rule } of found) expect(RULES, `${file}: ${name} is not in RULES`).toContain(rule);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    expect(RULES.length).toBe(found.length);
    const files = new Set(found.map((f) => f.file));
    expect(readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).every((f) => files.has(f))).toBe(true);
  });

  it.each(RULES.map((r) => [r.code, r] as const))('%s is documented: code, severity, message and advice in every language', (code, rule) => {
    expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(['danger', 'warning', 'caution', 'info']).toContain(rule.severity);
    expect(['page', 'lists', 'user']).toContain(rule.judges);
    for (const lang of LANGS) {
      expect(rule.message[lang].length, `${code} message ${lang}`).toBeGreaterThan(8);
      expect(rule.advice[lang].length, `${code} advice ${lang}`).toBeGreaterThan(8);
      // The same facts are named in every language.
      expect(placeholders(rule.message[lang]), `${code} message ${lang}`).toEqual(placeholders(rule.message['zh-CN']));
      expect(placeholders(rule.advice[lang]), `${code} advice ${lang}`).toEqual(placeholders(rule.advice['zh-CN']));
    }
    // Traditional and English are translations, not copies of the Simplified text.
    expect(rule.message.en).not.toBe(rule.message['zh-CN']);
    expect(rule.advice.en).not.toBe(rule.advice['zh-CN']);
  });

  it.each(RULES.map((r) => [r.code, r] as const))('%s is explained alike by the CLI report and by the panel and popup', (code, rule) => {
    const params = Object.fromEntries(placeholders(rule.message['zh-CN'] + rule.advice['zh-CN']).map((p) => [p!, `«${p}»`]));
    // What judge() hands the UI: the finding carries its advice and topic, filled in its language.
    const finding = makeFinding(rule, 'en', params, 'e');
    expect(finding.advice).toBe(fill(rule.advice.en, params));
    expect(finding.advice).not.toMatch(/\{\w+\}/);
    expect(finding.topic).toBe(rule.topic);
    expect(adviceFor(finding, 'en')).toBe(finding.advice);
    // The CLI's readable report prints it; the panel and popup show finding.advice (extension/ui/finding-card.tsx).
    const report = formatReport({ url: 'https://shop.example/', identifiers: [], licenses: [], badges: [], verdict: { level: 'caution', findings: [finding] } }, 'en');
    expect(report).toContain(finding.advice!);
    expect(ruleByCode(code)).toBe(rule);
    expect(isDataStatus(finding)).toBe(rule.topic === 'data-status');
  });

  it('explains nothing for a code no rule has', () => {
    expect(adviceFor({ code: 'no-such-rule', params: {} }, 'zh-CN')).toBeNull();
    expect(isDataStatus({ code: 'no-such-rule' })).toBe(false);
  });
});
