import { describe, expect, it } from 'vitest';
import type { ListAction, ListName } from '../feed/format';
import { DEFAULT_LIST_ACTIONS } from '../feed/list-meta';
import type { ListMatch } from '../feed/lookup-types';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import { DEFAULT_BLOCK_PREFERENCES, normalizeBlockPreferences } from './block-preferences';
import { coverReasons, navigationReasons, type BlockContext } from './block-reasons';

const hit = (value: string, list: ListName, feed = 'keeper'): ListMatch => ({ kind: 'domain', value, list, feed, record: null });
const keeper = (actions: Partial<Record<ListName, ListAction>> = {}) => new Map([['keeper', { ...DEFAULT_LIST_ACTIONS, ...actions }]]);
const ctx = (over: Partial<BlockContext> = {}): BlockContext => ({ keeper: keeper(), prefs: DEFAULT_BLOCK_PREFERENCES, personal: [], ...over });
const entry = (pattern: string, action: 'warn' | 'trust', block?: boolean): PersonalEntry => ({
  action,
  target: { type: 'domain', pattern },
  note: '我的笔记',
  addedAt: '2025-01-01T00:00:00.000Z',
  ...(block ? { block } : {}),
});

describe('why a navigation is blocked', () => {
  it('a scam-site entry blocks by default; an abnormal-operation entry does not (it marks)', () => {
    const reasons = navigationReasons('https://pay.evil.com/', [hit('evil.com', 'fraud-domain'), hit('evil.com', 'abnormal-operation')], ctx());
    expect(reasons).toEqual([{ source: 'list', list: 'fraud-domain', kind: 'domain', value: 'evil.com', feed: 'keeper', record: null }]);
  });
  it('the list keeper decides: a feed whose metadata says "mark" for its scam sites does not block', () => {
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ keeper: keeper({ 'fraud-domain': 'mark' }) }))).toEqual([]);
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'community')], ctx({ keeper: keeper({ community: 'block' }) }))).toHaveLength(1);
  });
  it('the shopper overrides the keeper, both ways', () => {
    const off = normalizeBlockPreferences({ lists: { 'fraud-domain': 'inform' } });
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ prefs: off }))).toEqual([]);
    const on = normalizeBlockPreferences({ lists: { 'abnormal-operation': 'block' } });
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'abnormal-operation')], ctx({ prefs: on }))).toHaveLength(1);
  });
  it('a stale feed never blocks, whoever chose blocking; a current one beside it still does', () => {
    const stale = new Set(['keeper']);
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ stale }))).toEqual([]);
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'abnormal-operation')], ctx({ stale, prefs: normalizeBlockPreferences({ lists: { 'abnormal-operation': 'block' } }) }))).toEqual([]);
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain'), hit('evil.com', 'fraud-domain', 'other feed')], ctx({ stale })).map((r) => r.source === 'list' && r.feed)).toEqual(['other feed']);
  });
  it('a feed the context does not know follows the defaults', () => {
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain', 'other feed')], ctx())).toHaveLength(1);
  });
  it('the shopper\'s own "always warn" entry blocks only with blocking chosen; "trust" lifts every block', () => {
    expect(navigationReasons('https://shop.example.com/', [], ctx({ personal: [entry('*.example.com', 'warn')] }))).toEqual([]);
    const mine = navigationReasons('https://shop.example.com/', [], ctx({ personal: [entry('*.example.com', 'warn', true)] }));
    expect(mine).toEqual([{ source: 'personal', pattern: '*.example.com', note: '我的笔记', addedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(navigationReasons('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ personal: [entry('evil.com', 'trust')] }))).toEqual([]);
  });
  it('only domain hits block a navigation (a licence number is the scan\'s business)', () => {
    const uscc: ListMatch = { kind: 'uscc', value: '91440300MA5F8K2Q1M', list: 'serious-dishonest', feed: 'keeper', record: null };
    expect(navigationReasons('https://shop.example.com/', [uscc], ctx())).toEqual([]);
  });
});

describe('why a scanned shop page is covered', () => {
  const finding = (code: string, params: Record<string, string>) => ({ code, params });
  const listed = finding('blacklisted', { listCode: 'serious-dishonest', kind: 'uscc', value: '91440300MA5F8K2Q1M', feed: 'keeper', reason: '虚假宣传', authority: '深圳市市场监督管理局', date: '2024-03-15', source: 'https://www.gsxt.gov.cn/', name: '某公司' });
  const page = (findings: { code: string; params: Record<string, string> }[]) => ({ url: 'https://shop.example.com/', identifiers: [{ kind: 'uscc' as const, value: '91440300MA5F8K2Q1M' }], findings });

  it('a licence on 严重违法失信名单 covers the page, with the list\'s own words', () => {
    expect(coverReasons(page([listed]), ctx())).toEqual([
      { source: 'list', list: 'serious-dishonest', kind: 'uscc', value: '91440300MA5F8K2Q1M', feed: 'keeper', record: { reason: '虚假宣传', authority: '深圳市市场监督管理局', listedOn: '2024-03-15', sourceUrl: 'https://www.gsxt.gov.cn/', name: '某公司' } },
    ]);
  });
  it('lists that do not block, and findings of other rules, do not cover', () => {
    const court = finding('blacklisted', { ...listed.params, listCode: 'court-dishonest' });
    const abnormal = finding('abnormal-operation', { kind: 'uscc', value: '91500103MA5U6W7X8L', feed: 'keeper', reason: 'x', authority: 'y', date: '?', source: '?' });
    expect(coverReasons(page([court, abnormal, finding('badge-spoofed', { value: 'x' })]), ctx())).toEqual([]);
    // …unless the shopper chose so: then "?" (unknown) details stay empty rather than read as words.
    const prefs = normalizeBlockPreferences({ lists: { 'abnormal-operation': 'block' } });
    expect(coverReasons(page([abnormal]), ctx({ prefs }))[0]).toMatchObject({ list: 'abnormal-operation', record: { listedOn: '', sourceUrl: '' } });
  });
  it('a finding the shopper marked as wrong is not in the verdict, so it covers nothing; "trust" lifts the cover', () => {
    expect(coverReasons(page([]), ctx())).toEqual([]);
    expect(coverReasons(page([listed]), ctx({ personal: [entry('shop.example.com', 'trust')] }))).toEqual([]);
  });
});
