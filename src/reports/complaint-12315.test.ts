import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { complaintDraft12315 } from './complaint-12315';

const report = buildReport({
  category: 'borrowed-license',
  text: '店铺公示的营业执照属于另一家公司。',
  lang: 'zh-CN',
  page: { url: 'https://shop.example.cn/', title: '好物小店', shopName: '某某科技有限公司' },
  identifiers: [{ kind: 'uscc', value: '91350100M000100Y43', valid: true, problems: [], label: null, source: 'text', evidence: '', count: 1 }],
  findings: [],
  now: Date.parse('2025-05-06T01:02:03Z'),
  uuid: () => '11111111-2222-4333-8444-555555555555',
});

describe('complaintDraft12315', () => {
  it('fills the 12315 complaint fields in Chinese', () => {
    const d = complaintDraft12315(report, 'zh-CN');
    expect(d.url).toBe('https://www.12315.cn');
    expect(d.json).toEqual({
      respondent: { name: '某某科技有限公司', uscc: '91350100M000100Y43', url: 'https://shop.example.cn/' },
      category: { id: 'borrowed-license', label: '冒用他人营业执照' },
      occurredOn: '2025-05-06',
      facts: '店铺公示的营业执照属于另一家公司。',
      evidence: ['统一社会信用代码: 91350100M000100Y43'],
      demand: expect.stringContaining('依法'),
    });
    expect(d.text).toContain('被投诉方: 某某科技有限公司');
    expect(d.text).toContain('问题类别: 冒用他人营业执照');
    expect(d.text).toContain('事件经过:\n店铺公示的营业执照属于另一家公司。');
  });

  it('speaks the user\'s language in the text but keeps the official zh-CN category label in json', () => {
    const d = complaintDraft12315(report, 'en');
    expect(d.text).toContain("Problem: Uses someone else's business license");
    expect(d.json.category.label).toBe('冒用他人营业执照');
  });

  it('marks missing facts as unknown instead of inventing them', () => {
    const bare = { ...report, evidence: { ...report.evidence, identifiers: [], shopName: null } };
    const d = complaintDraft12315(bare, 'zh-TW');
    expect(d.json.respondent).toEqual({ name: '好物小店', uscc: null, url: 'https://shop.example.cn/' });
    expect(d.text).toContain('統一社會信用代碼: （未知，請補充）');
  });

  it('refuses a false-positive report', () => {
    expect(() => complaintDraft12315({ ...report, kind: 'false-positive', category: null }, 'zh-CN')).toThrow(/suspect-shop/);
  });
});
