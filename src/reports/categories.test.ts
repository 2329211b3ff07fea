import { describe, expect, it } from 'vitest';
import { RULES } from '../verdict/registry';
import { categoryForFindings, categoryLabel, isCategoryId } from './categories';

describe('the category preselected from the top finding', () => {
  it('is 伪造亮照或备案标识 for a forged badge, 冒用他人营业执照 for a borrowed licence, 无证经营/未亮照 for a missing one', () => {
    expect(categoryLabel(categoryForFindings([{ code: 'badge-spoofed' }])!, 'zh-CN')).toBe('伪造亮照或备案标识');
    expect(categoryLabel(categoryForFindings([{ code: 'badge-mismatch' }, { code: 'badge-spoofed' }])!, 'zh-CN')).toBe('冒用他人营业执照');
    expect(categoryLabel(categoryForFindings([{ code: 'license-missing' }])!, 'zh-CN')).toBe('无证经营/未亮照');
  });
  it('is nothing when the top finding fits no category, or there is none', () => {
    expect(categoryForFindings([{ code: 'id-invalid' }, { code: 'badge-spoofed' }])).toBeNull();
    expect(categoryForFindings([])).toBeNull();
  });
  it('names only rules that exist', () => {
    const codes = new Set(RULES.map((r) => r.code));
    for (const code of ['badge-spoofed', 'psb-province-mismatch', 'filing-mismatch', 'badge-mismatch', 'name-mismatch', 'license-missing', 'permits-without-license', 'not-registered', 'deregistered']) {
      expect(codes.has(code), code).toBe(true);
      expect(isCategoryId(categoryForFindings([{ code }])), code).toBe(true);
    }
  });
});
