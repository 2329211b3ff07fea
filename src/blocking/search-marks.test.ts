import { describe, expect, it } from 'vitest';
import type { ListName } from '../feed/format';
import { DEFAULT_LIST_ACTIONS } from '../feed/list-meta';
import type { ListMatch } from '../feed/lookup-types';
import { DEFAULT_BLOCK_PREFERENCES, normalizeBlockPreferences } from './block-preferences';
import type { BlockContext } from './block-reasons';
import { markFor } from './search-marks';

const hit = (value: string, list: ListName): ListMatch => ({ kind: 'domain', value, list, feed: '反诈名单', record: null });
const ctx = (over: Partial<BlockContext> = {}): BlockContext => ({ keeper: new Map([['反诈名单', DEFAULT_LIST_ACTIONS]]), prefs: DEFAULT_BLOCK_PREFERENCES, personal: [], ...over });

describe('the mark beside a search result', () => {
  it('red for a listed scam site, with the list and its keeper in the tooltip', () => {
    expect(markFor('https://www.evil.com/landing', [hit('evil.com', 'fraud-domain')], ctx(), 'zh-CN')).toEqual({ level: 'red', label: '高风险', title: '亮照卫士：列入假冒/钓鱼网站名单（反诈名单）' });
  });
  it('amber for an abnormal-operation entry; red wins when both apply', () => {
    expect(markFor('https://evil.com/', [hit('evil.com', 'abnormal-operation')], ctx(), 'en')).toEqual({ level: 'amber', label: 'Caution', title: 'Liangzhao Guard: on the list of abnormal operations (反诈名单)' });
    expect(markFor('https://evil.com/', [hit('evil.com', 'abnormal-operation'), hit('evil.com', 'fraud-domain')], ctx(), 'zh-CN')?.level).toBe('red');
  });
  it('nothing for a site on no list, for hits on other results\' domains, and for lists set to only inform', () => {
    expect(markFor('https://good.com/', [], ctx(), 'zh-CN')).toBeNull();
    expect(markFor('https://good.com/', [hit('evil.com', 'fraud-domain')], ctx(), 'zh-CN')).toBeNull();
    expect(markFor('https://evil.com/', [hit('evil.com', 'court-dishonest')], ctx(), 'zh-CN')).toBeNull();
    const prefs = normalizeBlockPreferences({ lists: { 'fraud-domain': 'inform' } });
    expect(markFor('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ prefs }), 'zh-CN')).toBeNull();
  });
  it('the shopper\'s own lists: "always warn" marks (red when it blocks), "trust" leaves it unmarked, never marked as good', () => {
    const warn = { action: 'warn' as const, target: { type: 'domain' as const, pattern: '*.shop.com' }, note: '', addedAt: '2025-01-01T00:00:00.000Z' };
    expect(markFor('https://a.shop.com/', [], ctx({ personal: [warn] }), 'zh-CN')).toEqual({ level: 'amber', label: '注意', title: '亮照卫士：列入你自己的“总是提醒”名单' });
    expect(markFor('https://a.shop.com/', [], ctx({ personal: [{ ...warn, block: true }] }), 'zh-CN')?.level).toBe('red');
    expect(markFor('https://evil.com/', [hit('evil.com', 'fraud-domain')], ctx({ personal: [{ ...warn, action: 'trust', target: { type: 'domain', pattern: 'evil.com' } }] }), 'zh-CN')).toBeNull();
  });
});
