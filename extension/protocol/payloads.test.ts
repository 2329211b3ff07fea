import { describe, expect, it } from 'vitest';
import { PAYLOADS } from './payloads';
import { ValidationError } from './validate';

const part = { kind: 'document', head: '<head></head>', body: '<body><p>统一社会信用代码</p></body>' };

describe('payload validators', () => {
  it('accept a page snapshot and drop unknown fields', () => {
    const shadow = { kind: 'shadow', html: '<b>x</b>', extra: 1 };
    const out = PAYLOADS.checkPage({ url: 'https://shop.example.com/', parts: [{ ...part, more: 'x' }, shadow], truncated: false, upload: null, more: 1 }, '');
    expect(out).toEqual({ url: 'https://shop.example.com/', parts: [part, { kind: 'shadow', html: '<b>x</b>' }], truncated: false, upload: null });
  });
  it('refuse malformed payloads with the path of the problem', () => {
    expect(() => PAYLOADS.checkPage({ url: 'u', parts: [{ kind: 'document', head: 1, body: '' }], truncated: false, upload: null }, '')).toThrow(/parts\[0\]\.head/);
    expect(() => PAYLOADS.checkPage({ url: 'u', parts: [{ kind: 'frame', html: '' }], truncated: false, upload: null }, '')).toThrow(/kind: expected one of/);
    expect(() => PAYLOADS.reportVerdict({ url: 'u', allowlisted: null }, '')).toThrow(/allowlisted/);
    expect(() => PAYLOADS.getTabVerdict({ tabId: -1 }, '')).toThrow(ValidationError);
    expect(() => PAYLOADS.getTabVerdict({ tabId: '3' }, '')).toThrow(/tabId/);
    expect(() => PAYLOADS.dismissSite(null, '')).toThrow(/expected an object/);
  });
  it('cap sizes, so a content script cannot flood the worker or storage', () => {
    expect(() => PAYLOADS.checkPage({ url: 'u', parts: Array.from({ length: 257 }, () => part), truncated: false, upload: null }, '')).toThrow(/more than 256/);
    // One message carries at most a million characters of page text; more comes in pieces.
    expect(() => PAYLOADS.checkPage({ url: 'u', parts: [{ ...part, body: 'x'.repeat(1_000_001) }], truncated: false, upload: null }, '')).toThrow(/longer than 1000000/);
    expect(() => PAYLOADS.uploadPiece({ upload: 'a', part: 0, field: 'body', text: 'x'.repeat(1_000_001) }, '')).toThrow(/longer than 1000000/);
    expect(() => PAYLOADS.uploadPiece({ upload: 'a', part: 0, field: 'style', text: '' }, '')).toThrow(/field/);
    expect(() => PAYLOADS.dismissSite({ host: 'x'.repeat(301) }, '')).toThrow(/longer than 300/);
  });
  it('let the engine have a whole snapshot put together from pieces, within the snapshot\'s limits', () => {
    const big = { kind: 'document', head: '', body: 'x'.repeat(3_000_000) };
    expect(PAYLOADS.scanSnapshot({ url: 'https://s.example/', snapshot: { parts: [big], truncated: true } }, '').snapshot.parts[0]).toEqual(big);
    expect(() => PAYLOADS.scanSnapshot({ url: 'u', snapshot: { parts: Array.from({ length: 6 }, () => big), truncated: false } }, '')).toThrow(/more than 16000000 characters/);
    expect(() => PAYLOADS.scanSnapshot({ url: 'u', snapshot: { parts: [{ kind: 'frame' }], truncated: false } }, '')).toThrow(/kind/);
  });
  it('normalize settings field by field instead of refusing them', () => {
    expect(PAYLOADS.saveSettings({ settings: { language: 'en', panelOpens: 'never', allowlist: ['*.Shop.com', 'bad host'] } }, '')).toEqual({
      settings: { version: 1, language: 'en', panelOpens: 'warnings', quietPill: false, panelSide: 'right', allowlist: ['*.shop.com'] },
    });
  });
});
