import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/types';
import { PAYLOADS } from './payloads';
import { ValidationError } from './validate';

const result: ScanResult = {
  url: 'https://shop.example.com/',
  identifiers: [{ kind: 'uscc', value: '91440300MA5G8N2T36', valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: '…', count: 1, ref: 0 }],
  licenses: [],
  badges: [{ href: 'http://x.example.com/', host: 'x.example.com', claims: '亮照', official: false, authority: null, selfHosted: false, embedded: [], ref: 1 }],
  verdict: { level: 'danger', findings: [{ code: 'badge-spoofed', severity: 'danger', message: 'm', evidence: 'e', params: { host: 'x' }, ref: 1 }] },
};

describe('payload validators', () => {
  it('accept a real scan result and drop unknown fields', () => {
    const out = PAYLOADS.reportVerdict({ url: result.url, result: { ...result, extra: 'x' }, allowlisted: null, more: 1 }, '');
    expect(out).toEqual({ url: result.url, result, allowlisted: null });
  });
  it('refuse malformed payloads with the path of the problem', () => {
    const bad = { ...result, verdict: { level: 'catastrophic', findings: [] } };
    expect(() => PAYLOADS.reportVerdict({ url: 'u', result: bad, allowlisted: null }, '')).toThrow(/result\.verdict\.level: expected one of/);
    expect(() => PAYLOADS.getTabVerdict({ tabId: -1 }, '')).toThrow(ValidationError);
    expect(() => PAYLOADS.getTabVerdict({ tabId: '3' }, '')).toThrow(/tabId/);
    expect(() => PAYLOADS.dismissSite(null, '')).toThrow(/expected an object/);
  });
  it('cap sizes, so a content script cannot flood storage', () => {
    const many = { ...result, identifiers: Array.from({ length: 501 }, () => result.identifiers[0]) };
    expect(() => PAYLOADS.reportVerdict({ url: 'u', result: many, allowlisted: null }, '')).toThrow(/more than 500/);
    expect(() => PAYLOADS.dismissSite({ host: 'x'.repeat(301) }, '')).toThrow(/longer than 300/);
  });
  it('normalize settings field by field instead of refusing them', () => {
    expect(PAYLOADS.saveSettings({ settings: { language: 'en', panelOpens: 'never', allowlist: ['*.Shop.com', 'bad host'] } }, '')).toEqual({
      settings: { version: 1, language: 'en', panelOpens: 'warnings', allowlist: ['*.shop.com'] },
    });
  });
});
