import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { complaintDraft12315 } from './complaint-12315';

const report = buildReport({
  category: 'borrowed-license',
  text: '店铺公示的营业执照属于另一家公司。',
  lang: 'zh-CN',
  page: { url: 'https://item.taobao.com/item.htm?id=1', title: '好物小店', shopName: '某某科技有限公司' },
  identifiers: [{ kind: 'uscc', value: '91350100M000100Y43', valid: true, problems: [], label: null, source: 'text', evidence: '', count: 1 }],
  findings: [],
  now: Date.parse('2025-05-06T01:02:03Z'),
  uuid: () => '11111111-2222-4333-8444-555555555555',
});

const bought = { bought: true, orderNumber: '3712 8890 1234', amount: '¥3,680.00', orderDate: '2025-05-01' };

describe('complaintDraft12315', () => {
  it('is a 举报 without an order: the company and code the page showed, marked as its claim, and the platform', () => {
    const d = complaintDraft12315(report, 'zh-CN');
    expect(d.type).toBe('tip-off');
    expect(d.url).toBe('https://www.12315.cn');
    expect(d.json).toEqual({
      type: '举报',
      respondent: { name: '某某科技有限公司', uscc: '91350100M000100Y43', url: 'https://item.taobao.com/item.htm?id=1', platform: '淘宝/天猫', claimedByPage: true },
      category: { id: 'borrowed-license', label: '冒用他人营业执照' },
      order: null,
      occurredOn: '2025-05-06',
      facts: '店铺公示的营业执照属于另一家公司。',
      evidence: ['统一社会信用代码: 91350100M000100Y43'],
      demand: expect.stringContaining('依法'),
    });
    expect(d.text).toMatch(/^全国12315平台 举报稿\n/);
    expect(d.text).toContain('被举报方: 某某科技有限公司（页面声称，未核实）');
    expect(d.text).toContain('统一社会信用代码: 91350100M000100Y43（页面声称，未核实）');
    expect(d.text).toContain('所在平台: 淘宝/天猫');
    expect(d.text).toContain('问题类别: 冒用他人营业执照');
    expect(d.text).toContain('事件经过:\n店铺公示的营业执照属于另一家公司。');
    expect(d.text).toContain('选择“举报”');
    expect(d.text).not.toContain('订单号');
  });

  it('is a 投诉 with the order when the shopper bought something', () => {
    const d = complaintDraft12315(report, 'zh-CN', bought);
    expect(d.type).toBe('complaint');
    expect(d.json.type).toBe('投诉');
    expect(d.json.order).toEqual({ number: '3712 8890 1234', amount: '¥3,680.00', date: '2025-05-01' });
    expect(d.text).toMatch(/^全国12315平台 投诉稿\n/);
    expect(d.text).toContain('被投诉方: 某某科技有限公司（页面声称，未核实）');
    expect(d.text).toContain('订单号: 3712 8890 1234\n金额: ¥3,680.00\n下单日期: 2025-05-01');
    expect(d.text).toContain('选择“投诉”');
    // An order not filled in yet is asked for, never invented.
    expect(complaintDraft12315(report, 'zh-CN', { ...bought, orderNumber: ' ' }).text).toContain('订单号: （未知，请补充）');
  });

  it('speaks the user\'s language in the text but keeps the official zh-CN labels in json', () => {
    const d = complaintDraft12315(report, 'en');
    expect(d.text).toContain("Problem: Uses someone else's business license");
    expect(d.text).toContain('Unified social credit code: 91350100M000100Y43 (as the page claims; not verified)');
    expect(d.text).toContain('Platform: Taobao/Tmall');
    expect(d.json.category.label).toBe('冒用他人营业执照');
  });

  it('marks missing facts as unknown instead of inventing them, and names an independent site as such', () => {
    const bare = { ...report, evidence: { ...report.evidence, url: 'https://www.haowu.example/', identifiers: [], shopName: null } };
    const d = complaintDraft12315(bare, 'zh-TW');
    expect(d.json.respondent).toEqual({ name: '好物小店', uscc: null, url: 'https://www.haowu.example/', platform: null, claimedByPage: true });
    expect(d.text).toContain('統一社會信用代碼: （未知，請補充）');
    expect(d.text).toContain('所在平台: 獨立網站');
  });

  it('refuses a false-positive report', () => {
    expect(() => complaintDraft12315({ ...report, kind: 'false-positive', category: null }, 'zh-CN')).toThrow(/suspect-shop/);
  });
});
