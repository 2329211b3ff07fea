import { describe, expect, it } from 'vitest';
import type { Finding, Identifier } from '../types';
import { buildReport, type BuildReportInput } from './build-report';
import { REPORT_CATEGORIES, categoryLabel } from './categories';
import { previewReport } from './preview-report';
import { REPORT_LIMITS, ReportValidationError } from './report';
import { validateReport } from './validate-report';

const finding: Finding = { code: 'badge-spoofed', severity: 'danger', message: '标识链接到非官方网站', evidence: '<a href="https://x.example">亮照</a>', params: { host: 'x.example' } };
const uscc: Identifier = { kind: 'uscc', value: '91350100M000100Y43', valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: '统一社会信用代码 91350100M000100Y43', count: 1, ref: 3 };

let n = 0;
const input = (over: Partial<BuildReportInput> = {}): BuildReportInput => ({
  category: 'counterfeit',
  text: '收到的是假货',
  lang: 'zh-CN',
  page: { url: 'https://shop.example.com/item?id=9#top', title: '  店铺\n首页 ' },
  identifiers: [uscc],
  findings: [finding],
  now: Date.parse('2025-02-03T04:05:06.000Z'),
  uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  ...over,
});

function problems(over: Partial<BuildReportInput>): string[] {
  try {
    buildReport(input(over));
  } catch (error) {
    expect(error).toBeInstanceOf(ReportValidationError);
    return (error as ReportValidationError).details.map((d) => `${d.path}: ${d.message}`);
  }
  throw new Error('expected buildReport to refuse');
}

describe('report categories', () => {
  it('keep the exact policy labels, with stable ids and translations', () => {
    expect(REPORT_CATEGORIES.map((c) => c.label['zh-CN'])).toEqual([
      '制假售假/以次充好', '虚假宣传', '价格欺诈', '刷单炒信/虚假评价', '冒用他人营业执照', '伪造亮照或备案标识',
      '无证经营/未亮照', '出售禁售商品', '服务违约/拒不退换', '泄露或倒卖个人信息', '其他',
    ]);
    expect(new Set(REPORT_CATEGORIES.map((c) => c.id)).size).toBe(11);
    for (const c of REPORT_CATEGORIES) expect(c.label['zh-TW'] && c.label.en).toBeTruthy();
    expect(categoryLabel('price-fraud', 'zh-TW')).toBe('價格欺詐');
  });
});

describe('buildReport', () => {
  it('builds a valid report with the page evidence and a fresh key', () => {
    const r = buildReport(input());
    expect(r).toMatchObject({
      schema: 1,
      kind: 'suspect-shop',
      category: 'counterfeit',
      createdAt: '2025-02-03T04:05:06.000Z',
      text: '收到的是假货',
      evidence: { url: 'https://shop.example.com/item?id=9', title: '店铺 首页', shopName: null, capturedAt: '2025-02-03T04:05:06.000Z' },
      falsePositive: null,
      screenshot: null,
    });
    // The page-internal `ref` and `source`/`count` fields are not sent.
    expect(r.evidence.identifiers).toEqual([{ kind: 'uscc', value: uscc.value, valid: true, problems: [], label: '统一社会信用代码', evidence: uscc.evidence }]);
    expect(buildReport(input()).idempotencyKey).not.toBe(r.idempotencyKey);
    expect(validateReport(r)).toEqual({ ok: true, report: r });
  });

  it('never cuts what the user wrote: too long is an error', () => {
    expect(problems({ text: 'a'.repeat(REPORT_LIMITS.text + 1) })).toEqual([`text: is ${REPORT_LIMITS.text + 1} characters; the limit is ${REPORT_LIMITS.text}`]);
    const long = 'b'.repeat(REPORT_LIMITS.text);
    expect(buildReport(input({ text: long })).text).toBe(long);
  });

  it('strips control and bidi characters, keeps newlines', () => {
    expect(buildReport(input({ text: 'a\u0000b\u202ec\r\nd' })).text).toBe('abc\nd');
  });

  it('needs a category, and a description for "other"', () => {
    expect(problems({ category: null })).toEqual(['category: must be a category id (see docs/report-format.md)']);
    expect(problems({ category: 'other', text: '  ' })).toEqual(['text: must describe the problem when the category is "other"']);
  });

  it('refuses a page that is not http(s)', () => {
    expect(problems({ page: { url: 'file:///etc/passwd', title: 't' } })).toEqual(['evidence.url: must be an http(s) URL without spaces or #fragment']);
  });

  it('builds a false-positive report naming the disputed finding and its evidence', () => {
    const r = buildReport(input({ kind: 'false-positive', category: 'counterfeit', disputedCode: 'badge-spoofed', text: '这是官方链接' }));
    expect(r).toMatchObject({ kind: 'false-positive', category: null, falsePositive: { code: 'badge-spoofed', evidence: finding.evidence } });
    expect(problems({ kind: 'false-positive', disputedCode: 'id-invalid' })).toEqual(['falsePositive.code: must name one of the findings in evidence.findings']);
  });

  it('attaches a screenshot only when given, and only a PNG under the cap', () => {
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64')}`;
    expect(buildReport(input({ screenshot: png })).screenshot).toBe(png);
    const jpeg = `data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]).toString('base64')}`;
    expect(problems({ screenshot: jpeg })).toEqual(['screenshot: is not a PNG image']);
    expect(problems({ screenshot: 'data:image/jpeg;base64,AAAA' })[0]).toMatch(/^screenshot: must be a PNG data URL/);
    const big = png + 'A'.repeat(REPORT_LIMITS.screenshot);
    expect(problems({ screenshot: big })[0]).toMatch(/^screenshot: is \d+ characters; the limit is/);
  });

  it('shortens page-derived text, marked with an ellipsis', () => {
    const r = buildReport(input({ page: { url: 'https://a.example/', title: '标'.repeat(1000) } }));
    expect(r.evidence.title).toHaveLength(REPORT_LIMITS.title);
    expect(r.evidence.title.endsWith('…')).toBe(true);
  });
});

describe('previewReport', () => {
  it('is the exact body and headers, and contains no more than the report', () => {
    const r = buildReport(input());
    const p = previewReport(r);
    expect(JSON.parse(p.json)).toEqual(r);
    expect(p.body).toEqual(r);
    expect(p.bytes).toBe(Buffer.byteLength(p.json));
    expect(p.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': r.idempotencyKey });
    expect(Object.keys(p.body).sort()).toEqual(['category', 'client', 'createdAt', 'evidence', 'falsePositive', 'idempotencyKey', 'kind', 'lang', 'schema', 'screenshot', 'text']);
  });
});

describe('validateReport', () => {
  it('lists every problem, including unknown fields', () => {
    const r = buildReport(input());
    const result = validateReport({ ...r, schema: 2, lang: 'fr', idempotencyKey: 'abc', cookie: 'x', evidence: { ...r.evidence, findings: [{ ...finding, severity: 'fatal' }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['cookie', 'schema', 'idempotencyKey', 'lang', 'evidence.findings[0].severity']);
  });
});
