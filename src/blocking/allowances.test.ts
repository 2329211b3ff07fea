import { describe, expect, it } from 'vitest';
import { MAX_ALLOWANCES, allow, currentAllowances, isAllowed, listsKey, normalizeAllowances } from './allowances';

describe('sites the shopper continued to', () => {
  const lists = listsKey([{ id: 'b', version: 7 }, { id: 'a', version: 3 }]);
  it('the lists key names every feed and version, in any order', () => {
    expect(lists).toBe(listsKey([{ id: 'a', version: 3 }, { id: 'b', version: 7 }]));
    expect(lists).not.toBe(listsKey([{ id: 'a', version: 4 }, { id: 'b', version: 7 }]));
  });
  it('a site is allowed with its subdomains, and only under the lists it was allowed under', () => {
    const all = allow([], 'evil.com', lists, 1);
    expect(isAllowed('evil.com', all, lists)).toBe(true);
    expect(isAllowed('pay.evil.com', all, lists)).toBe(true);
    expect(isAllowed('other.com', all, lists)).toBe(false);
    const newer = listsKey([{ id: 'a', version: 4 }, { id: 'b', version: 7 }]);
    expect(isAllowed('evil.com', all, newer)).toBe(false);
    expect(currentAllowances(all, newer)).toEqual([]);
  });
  it('continuing again renews; a new list version drops the old ones; the oldest go past the cap', () => {
    let all = allow(allow([], 'a.com', lists, 1), 'a.com', lists, 2);
    expect(all).toEqual([{ site: 'a.com', at: 2, lists }]);
    all = allow(all, 'b.com', 'other lists', 3);
    expect(all).toEqual([{ site: 'b.com', at: 3, lists: 'other lists' }]);
    for (let i = 0; i < MAX_ALLOWANCES + 5; i++) all = allow(all, `s${i}.com`, lists, i);
    expect(all).toHaveLength(MAX_ALLOWANCES);
    expect(all[0]!.site).toBe('s5.com');
  });
  it('what storage holds is checked entry by entry', () => {
    expect(normalizeAllowances(undefined)).toEqual([]);
    expect(normalizeAllowances([{ site: 'a.com', at: 1, lists: 'x', extra: 1 }, { site: 3 }, null, 'a', { site: 'b.com', at: 2, lists: 'x', auto: true }])).toEqual([
      { site: 'a.com', at: 1, lists: 'x' },
      { site: 'b.com', at: 2, lists: 'x', auto: true },
    ]);
    expect(allow([], 'c.com', 'x', 3, true)).toEqual([{ site: 'c.com', at: 3, lists: 'x', auto: true }]);
  });
});
