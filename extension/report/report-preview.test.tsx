// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/types';
import { makeT } from '../ui/i18n';
import { evidenceOf, freshDraft, reportOf } from './report-draft';
import { ReportPreview } from './report-preview';

const result: ScanResult = {
  url: 'https://shop.example.cn/item?id=1',
  identifiers: [],
  licenses: [],
  badges: [],
  verdict: { level: 'danger', findings: [{ code: 'badge-spoofed', severity: 'danger', message: '假标识', evidence: '<a>电子营业执照</a>', params: {} }] },
};
const report = reportOf({ ...freshDraft(evidenceOf({ url: result.url, result, allowlisted: null, reportedAt: 0 }, 't', 0), 1, null, 0), category: 'forged-badge', text: '假网站' }, 'zh-CN', '0.1.0', 0);
const t = makeT({ rpReceiver: '接收机构：$1', rpReceiverOwn: '你设置的接收地址', rpNoEndpoint: '未设置接收地址' }, () => '');

function shown(props: Partial<Parameters<typeof ReportPreview>[0]>): HTMLElement {
  const root = document.createElement('div');
  render(<ReportPreview report={report} endpoints={[]} t={t} busy={false} onBack={() => undefined} onSend={() => undefined} {...props} />, root);
  return root;
}

describe('the report preview names who receives the report before it is sent', () => {
  it('the organisation behind the distributor\'s default endpoint', () => {
    const url = 'https://reports.example.org/v1/reports';
    const root = shown({ endpoints: [url], recipients: [{ url, organisation: { 'zh-CN': '示例名单维护组', 'zh-TW': '示例名單維護組', en: 'Example list keepers' } }] });
    expect(root.querySelector('[data-recipient="named"]')?.textContent).toBe(`接收机构：示例名单维护组POST ${url}`);
  });

  it('an address the user set up, and no address at all', () => {
    expect(shown({ endpoints: ['https://mine.example/r'] }).querySelector('[data-recipient="own"]')?.textContent).toBe('你设置的接收地址POST https://mine.example/r');
    expect(shown({}).textContent).toContain('未设置接收地址');
  });
});
