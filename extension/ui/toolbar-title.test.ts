import { describe, expect, it } from 'vitest';
import type { TabVerdict } from '../protocol/messages';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';
import { makeT } from './i18n';
import { flattenMessages } from './messages-file';
import { toolbarTitle } from './toolbar-title';

const tZh = makeT(flattenMessages(zhCN), () => '');
const tEn = makeT(flattenMessages(en), () => '');
const id = { kind: 'uscc' as const, value: '91440101MA5CKX2R1G', valid: true, problems: [], label: null, source: 'text' as const, evidence: '', count: 1 };
const verdict = (level: TabVerdict['result'] extends infer R ? (R extends { verdict: { level: infer L } } ? L : never) : never, findings: { code: string; severity: 'danger' | 'warning' | 'caution' | 'info'; params?: Record<string, string> }[], ids = 1): TabVerdict => ({
  url: 'https://shop.example/',
  allowlisted: null,
  reportedAt: 0,
  result: { url: 'https://shop.example/', identifiers: Array.from({ length: ids }, () => id), licenses: [], badges: [], verdict: { level, findings: findings.map((f) => ({ message: '', evidence: '', params: {}, ...f })) } },
});

describe('the toolbar title names the tab\'s level in the UI language', () => {
  it('one word per level, with the count of problems', () => {
    expect(toolbarTitle(verdict('danger', [{ code: 'badge-spoofed', severity: 'danger' }, { code: 'id-invalid', severity: 'warning' }]), tZh)).toBe('亮照卫士：高风险（2 个问题）');
    expect(toolbarTitle(verdict('warning', [{ code: 'id-invalid', severity: 'warning' }]), tEn)).toBe('Liangzhao Guard: Suspicious (findings: 1)');
    expect(toolbarTitle(verdict('caution', [{ code: 'license-missing', severity: 'caution' }], 0), tZh)).toBe('亮照卫士：请留意（1 个问题）');
    expect(toolbarTitle(verdict('none', [], 0), tZh)).toBe('亮照卫士：未读取到证照');
  });
  it('where nothing was found wrong: what was read, and that no list was asked when none was', () => {
    expect(toolbarTitle(verdict('ok', [], 3), tZh)).toBe('亮照卫士：未发现问题（已读取 3 个证照号码）');
    expect(toolbarTitle(verdict('ok', [{ code: 'lists-unavailable', severity: 'info' }], 2), tZh)).toBe('亮照卫士：已读取证照号码，未核对名单（已读取 2 个证照号码）');
    for (const t of [tZh, tEn]) expect(toolbarTitle(verdict('ok', [], 3), t)).not.toMatch(/✓|安全|safe|clean|verified/i);
  });
  it('says when a site is not checked, and gives the default title back when nothing is known', () => {
    expect(toolbarTitle({ url: 'https://x/', result: null, allowlisted: '*.x', reportedAt: 0 }, tZh)).toBe('亮照卫士：不检查此网站');
    expect(toolbarTitle(null, tZh)).toBeNull();
  });
  it('says while the page’s licence pictures are being read, and never "nothing read" meanwhile', () => {
    const reading = (v: TabVerdict): TabVerdict => ({ ...v, reading: { pictures: 1 } });
    expect(toolbarTitle(reading(verdict('none', [], 0)), tZh)).toBe('亮照卫士：正在识别执照图片（1 张）…');
    expect(toolbarTitle(reading(verdict('ok', [], 2)), tZh)).toBe('亮照卫士：未发现问题（已读取 2 个证照号码） · 正在识别执照图片（1 张）…');
    expect(toolbarTitle(reading(verdict('warning', [{ code: 'id-invalid', severity: 'warning' }])), tEn)).toBe('Liangzhao Guard: Suspicious (findings: 1) · reading licence pictures (1)…');
  });
});
