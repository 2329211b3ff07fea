import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../tests/unit/scan-html';
import type { ScanResult } from '../types';
import { companyGroups, nameBefore, unremarkedBadges } from './company-groups';

const demo = (page: string) => scanHtml(readFileSync(new URL(`../../tests/fixtures/demo/${page}`, import.meta.url), 'utf8'), `https://shop.example.cn/${page}`);
const values = (ids: { value: string }[]) => ids.map((i) => i.value);

describe('numbers grouped by company', () => {
  it('puts a clean shop’s permits under its licence card and folds the well-formed ones into one row', () => {
    const [group, ...more] = companyGroups(demo('clean-shop.html'));
    expect(more).toEqual([]);
    expect(group!.name).toBe('广州青禾生活用品有限公司');
    expect(group!.code?.value).toBe('91440101MA5CKX2R1G');
    expect(group!.shown).toEqual([]);
    expect(values(group!.passed).sort()).toEqual(['JY14401040012345', '粤ICP备2023045678号-1', '粤公网安备44010402000123号'].sort());
  });

  it('shows in full a number that is malformed or that a finding is about', () => {
    const [group] = companyGroups(demo('invalid-code.html'));
    expect(group!.shown.length).toBeGreaterThan(0);
    for (const id of group!.shown) expect(!id.valid || id.kind === 'psb-filing', id.value).toBe(true);
    expect(group!.passed.every((i) => i.valid)).toBe(true);
  });

  it('names the company the page shows even when a badge verifies another one, and makes no company of a link parameter', () => {
    const groups = companyGroups(demo('borrowed-license.html'));
    expect(groups.map((g) => g.name)).toEqual(['杭州优品家居有限公司']);
    expect(groups[0]!.code?.value).toBe('91330106MA2H3P7L4H');
  });

  it('takes the company name the page writes just before a code outside a licence card, never one cut short', () => {
    // invalid-code.html writes it further before the code than the excerpt reaches: cut, so none is shown.
    const [group] = companyGroups(demo('invalid-code.html'));
    expect(group!.name).toBeNull();
    expect(group!.code?.value).toBe('91110105MA01R7KX5X');
    expect(nameBefore({ value: '91110105MA01R7KX5X', evidence: '…京选数码科技有限公司 统一社会信用代码：91110105MA01R7KX5X' })).toBeNull();
    expect(nameBefore({ value: '91440101681325547Y', evidence: '广州某某科技有限公司 91440101681325547Y' })).toBe('广州某某科技有限公司');
    expect(nameBefore({ value: '91440101681325547Y', evidence: '客服热线 400-820-1234 91440101681325547Y' })).toBeNull();
  });

  it('keeps a page without a company name as one group without a name', () => {
    const result = scanHtml('<p>食品经营许可证：JY14401040012345</p><p>粤ICP备2023045678号-1</p>');
    const groups = companyGroups(result);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: null, code: null });
    expect(groups[0]!.passed.length + groups[0]!.shown.length).toBe(result.identifiers.length);
  });

  it('gives permits no owner when the page shows two companies', () => {
    const result = scanHtml(
      '<div><h3>营业执照信息</h3><p>企业名称：广州青禾生活用品有限公司</p><p>统一社会信用代码：91440101MA5CKX2R1G</p></div>' +
        '<div><h3>营业执照信息</h3><p>企业名称：杭州优品家居有限公司</p><p>统一社会信用代码：91330106MA2H3P7L4H</p></div>' +
        '<p>食品经营许可证：JY14401040012345</p>',
    );
    const groups = companyGroups(result);
    expect(groups.map((g) => g.name)).toEqual(['广州青禾生活用品有限公司', '杭州优品家居有限公司', null]);
    expect(values(groups[2]!.passed)).toEqual(['JY14401040012345']);
  });

  it('does not list again a badge that has a finding', () => {
    const spoofed = demo('spoofed-badge.html');
    expect(spoofed.badges.length).toBeGreaterThan(0);
    expect(unremarkedBadges(spoofed).filter((b) => !b.official && !b.selfHosted)).toEqual([]);
    const clean: ScanResult = demo('clean-shop.html');
    expect(unremarkedBadges(clean)).toEqual(clean.badges);
  });
});
