import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, resolveLang } from './settings';

describe('settings', () => {
  it('gives defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps good fields and replaces bad ones one by one', () => {
    const s = normalizeSettings({ language: 'en', panelOpens: 'sometimes', allowlist: ['*.Tmall.com', 42, 'not a host', 'tmall.com', '*.tmall.com'] });
    expect(s).toEqual({ version: 1, language: 'en', panelOpens: 'warnings', quietPill: false, panelSide: 'right', allowlist: ['*.tmall.com', 'tmall.com'] });
    expect(normalizeSettings({ panelSide: 'left' }).panelSide).toBe('left');
    expect(normalizeSettings({ panelSide: 'top' }).panelSide).toBe('right');
    expect(normalizeSettings({ quietPill: true }).quietPill).toBe(true);
    expect(normalizeSettings({ quietPill: 'yes' }).quietPill).toBe(false);
  });
  it('resolves auto from the browser language', () => {
    expect(resolveLang({ language: 'auto' }, 'zh-HK')).toBe('zh-TW');
    expect(resolveLang({ language: 'auto' }, 'en-US')).toBe('en');
    expect(resolveLang({ language: 'zh-CN' }, 'en-US')).toBe('zh-CN');
  });
});
