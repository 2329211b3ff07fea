import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/reports/validate-report';
import type { ScanResult } from '../../src/types';
import { REPORT_PAYLOADS } from '../protocol/report-payloads';
import { draftId, evidenceOf, freshDraft, reportOf } from './report-draft';

const result: ScanResult = {
  url: 'https://shop.example.cn/item?id=1#reviews',
  identifiers: [{ kind: 'uscc', value: '91350100M000100Y43', valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: '统一社会信用代码：91350100M000100Y43', count: 1 }],
  licenses: [{ heading: null, name: '某某贸易有限公司', uscc: null, regno: null, legalRepresentative: null, address: null, authority: null, established: null, validity: null, scope: null, evidence: '' }],
  badges: [],
  verdict: {
    level: 'danger',
    findings: [
      { code: 'personal-warn', severity: 'danger', message: '你的个人名单要求提醒这家店：私人备注', evidence: 'shop.example.cn', params: { note: '私人备注' } },
      { code: 'badge-spoofed', severity: 'danger', message: '假标识', evidence: '<a>电子营业执照</a>', params: { host: 'fake.example' } },
      { code: 'lists-unavailable', severity: 'info', message: '尚未加载名单', evidence: '', params: {}, topic: 'data-status' },
    ],
  },
};
const verdict = { url: result.url, result, allowlisted: null, reportedAt: 0 };

describe('report draft → report', () => {
  it('attaches the page evidence, but never the user’s own list notes or our list status', () => {
    const e = evidenceOf(verdict, '某某旗舰店', Date.UTC(2025, 2, 1));
    expect(e.url).toBe('https://shop.example.cn/item?id=1');
    expect(e.shopName).toBe('某某贸易有限公司');
    expect(e.findings.map((f) => f.code)).toEqual(['badge-spoofed']);
    expect(JSON.stringify(e)).not.toContain('私人备注');
    expect(evidenceOf(verdict, null, 0).title).toBe('shop.example.cn');
  });

  it('builds a valid suspect-shop report from a filled draft, and names problems of an unfinished one', () => {
    const draft = freshDraft(evidenceOf(verdict, 't', 0), 5, null, 0);
    expect(draft.id).toBe(draftId('suspect-shop', null, 'https://shop.example.cn/item?id=1'));
    // Preselected from the top finding (a forged badge); the user may still change it or clear it.
    expect(draft.category).toBe('forged-badge');
    expect(() => reportOf({ ...draft, category: null }, 'zh-CN', '0.1.0', 0)).toThrow(/category/);
    const report = reportOf({ ...draft, category: 'forged-badge', text: '假网站' }, 'zh-CN', '0.1.0', Date.UTC(2025, 2, 1));
    expect(validateReport(report).ok).toBe(true);
    expect(report.screenshot).toBeNull();
    // The payload validator of submitReport accepts it, and refuses a tampered one.
    expect(REPORT_PAYLOADS.submitReport({ report, draftId: draft.id }, '').report).toEqual(report);
    expect(() => REPORT_PAYLOADS.submitReport({ report: { ...report, kind: 'spam' }, draftId: null }, '')).toThrow(/kind/);
  });

  it('a false-positive draft names the disputed finding and its evidence', () => {
    const draft = freshDraft(evidenceOf(verdict, 't', 0), 5, 'badge-spoofed', 0);
    expect(draft.kind).toBe('false-positive');
    const report = reportOf(draft, 'en', '0.1.0', 0);
    expect(report.falsePositive).toEqual({ code: 'badge-spoofed', evidence: '<a>电子营业执照</a>' });
    expect(report.category).toBeNull();
  });

  it('the content script may only name a finding code, not arbitrary text', () => {
    expect(() => REPORT_PAYLOADS.openReportPage({ tabId: null, dispute: '<script>', title: null }, '')).toThrow(/finding code/);
    expect(REPORT_PAYLOADS.openReportPage({ tabId: null, dispute: 'id-invalid', title: 'x' }, '')).toEqual({ tabId: null, dispute: 'id-invalid', title: 'x' });
  });
});
