import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/ui-model/settings';
import { pageConfig } from './page-config';

const settings: Settings = { ...DEFAULT_SETTINGS, language: 'zh-TW', quietPill: true, panelSide: 'left', allowlist: ['bank.example.cn', '*.private-clinic.cn'] };

describe('pageConfig', () => {
  it("tells a page only its own status and the drawing settings, never the shopper's other sites or the UI strings", () => {
    const config = pageConfig(settings, ['dismissed.example.cn'], 'shop.example.com', 'en-US');
    expect(config).toEqual({ settings: { quietPill: true, panelSide: 'left' }, lang: 'zh-TW', dismissed: false, allowlisted: null });
    const sent = JSON.stringify(config);
    for (const other of ['bank.example.cn', 'private-clinic', 'dismissed.example.cn']) expect(sent).not.toContain(other);
  });

  it('says which entry leaves the site unchecked, and whether the panel was dismissed there', () => {
    expect(pageConfig(settings, [], 'www.private-clinic.cn', 'zh-CN').allowlisted).toBe('*.private-clinic.cn');
    expect(pageConfig(settings, ['dismissed.example.cn'], 'Dismissed.Example.cn', 'zh-CN').dismissed).toBe(true);
    expect(pageConfig({ ...settings, language: 'auto' }, [], 'a.cn', 'en-GB').lang).toBe('en');
  });
});
