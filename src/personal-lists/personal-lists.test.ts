import { describe, expect, it } from 'vitest';
import { parseDomainPattern } from './domain-pattern';
import { matchPersonalLists } from './match-personal-lists';
import { parseEntry } from './parse-entry';
import type { PersonalEntry } from './personal-entry';
import { exportPersonalLists, importPersonalLists, mergePersonalLists, removePersonalEntry } from './personal-lists-file';

const at = '2025-01-01T00:00:00.000Z';
const domain = (action: PersonalEntry['action'], pattern: string): PersonalEntry => ({ action, target: { type: 'domain', pattern }, note: '', addedAt: at });
const ident = (action: PersonalEntry['action'], kind: 'uscc' | 'icp-filing', value: string): PersonalEntry => ({ action, target: { type: 'identifier', kind, value }, note: '', addedAt: at });

describe('domain patterns', () => {
  it('normalizes hosts, URLs and IDN', () => {
    expect(parseDomainPattern(' Shop.Example.COM ')).toEqual({ ok: true, pattern: 'shop.example.com' });
    expect(parseDomainPattern('*.Example.com')).toEqual({ ok: true, pattern: '*.example.com' });
    expect(parseDomainPattern('https://www.example.com/item?id=1')).toEqual({ ok: true, pattern: 'www.example.com' });
    expect(parseDomainPattern('*.例子.中国')).toEqual({ ok: true, pattern: '*.xn--fsqu00a.xn--fiqs8s' });
  });

  it('refuses patterns that are not a shop domain, saying why', () => {
    expect(parseDomainPattern('*.com')).toMatchObject({ ok: false, message: expect.stringMatching(/every site/) });
    expect(parseDomainPattern('*.com.cn')).toMatchObject({ ok: false, message: expect.stringMatching(/every site/) });
    expect(parseDomainPattern('shop.*.com')).toMatchObject({ ok: false, message: expect.stringMatching(/wildcard may only stand first/) });
    expect(parseDomainPattern('example.com/path')).toMatchObject({ ok: false, message: expect.stringMatching(/without path/) });
    expect(parseDomainPattern('localhost')).toMatchObject({ ok: false });
    expect(parseDomainPattern('127.0.0.1')).toMatchObject({ ok: false });
    expect(parseDomainPattern('')).toMatchObject({ ok: false });
  });
});

describe('matchPersonalLists', () => {
  const lists = [domain('warn', '*.bad.example'), domain('trust', 'good.bad.example'), ident('trust', 'uscc', '91350100M000100Y43'), domain('trust', 'shop.example.cn')];

  it('matches wildcards on the domain and its subdomains, exact hosts only exactly', () => {
    expect(matchPersonalLists('https://bad.example/x', [], lists).action).toBe('warn');
    expect(matchPersonalLists('https://a.b.bad.example/x', [], lists).action).toBe('warn');
    expect(matchPersonalLists('https://notbad.example/', [], lists).action).toBeNull();
    expect(matchPersonalLists('https://www.shop.example.cn/', [], lists).action).toBeNull();
    expect(matchPersonalLists('https://SHOP.example.cn:8443/p', [], lists).action).toBe('trust');
  });

  it('lets the most specific entry decide, and reports every match', () => {
    const d = matchPersonalLists('https://good.bad.example/', [], lists);
    expect(d.action).toBe('trust');
    expect(d.decidedBy?.entry.target).toEqual({ type: 'domain', pattern: 'good.bad.example' });
    expect(d.matches).toHaveLength(2);
    // An identifier beats any domain; values are compared in normalized form (full-width, spaces).
    const byId = matchPersonalLists('https://x.bad.example/', [{ kind: 'uscc', value: '９１３５０１００Ｍ０００１００Ｙ４３' }], lists);
    expect(byId).toMatchObject({ action: 'trust', decidedBy: { matched: '91350100M000100Y43' } });
  });

  it('warns on an exact tie', () => {
    const tie = [ident('trust', 'icp-filing', '京ICP备12345678号'), ident('warn', 'uscc', '91350100M000100Y43')];
    const d = matchPersonalLists('https://a.example/', [{ kind: 'icp-filing', value: '京ICP备12345678号' }, { kind: 'uscc', value: '91350100M000100Y43' }], tie);
    expect(d.action).toBe('warn');
  });

  it('ignores non-web pages and matches nothing without lists', () => {
    expect(matchPersonalLists('file:///x.html', [], [domain('warn', '*.example.com')])).toEqual({ action: null, decidedBy: null, matches: [] });
    expect(matchPersonalLists('https://example.com/', [], []).action).toBeNull();
  });
});

describe('lists file', () => {
  it('round-trips through export and import', () => {
    const entries = [domain('warn', '*.bad.example'), ident('trust', 'uscc', '91350100M000100Y43')];
    const text = exportPersonalLists(entries, Date.parse(at));
    expect(JSON.parse(text)).toMatchObject({ format: 'liangzhao-personal-lists', version: 1, exportedAt: at });
    expect(importPersonalLists(text)).toEqual({ ok: true, entries, rejected: [], replaced: [] });
  });

  it('reports every bad entry with its reason and keeps the good ones', () => {
    const text = JSON.stringify({
      format: 'liangzhao-personal-lists',
      version: 1,
      entries: [
        { action: 'warn', target: { type: 'domain', pattern: 'ok.example' } },
        { action: 'block', target: { type: 'domain', pattern: '*.com' } },
        { action: 'trust', target: { type: 'identifier', kind: 'passport', value: '' } },
        'nonsense',
        { action: 'trust', target: { type: 'domain', pattern: 'OK.example' }, note: 'changed my mind' },
      ],
    });
    const result = importPersonalLists(text);
    expect(result.ok).toBe(true);
    expect(result.entries).toEqual([{ action: 'trust', target: { type: 'domain', pattern: 'ok.example' }, note: 'changed my mind', addedAt: '1970-01-01T00:00:00.000Z' }]);
    expect(result.replaced).toEqual([{ index: 0, key: 'domain:ok.example' }]);
    expect(result.rejected.map((r) => [r.index, r.problems])).toEqual([
      [1, ['action must be "warn" or "trust"', '"*.com" would match every site under .com; name the shop\'s own domain']],
      [2, [expect.stringMatching(/^target.kind must be one of uscc/), 'target.value must be an identifier (1–100 characters)']],
      [3, ['must be an object']],
    ]);
    expect(result.rejected[3 - 1]!.raw).toBe('nonsense');
  });

  it('refuses files that are not ours, broken, or newer', () => {
    expect(importPersonalLists('{oops')).toMatchObject({ ok: false, rejected: [{ index: -1, problems: [expect.stringMatching(/not valid JSON/)] }] });
    expect(importPersonalLists('[]').rejected[0]!.problems[0]).toMatch(/not a lists export/);
    expect(importPersonalLists('{"format":"other","version":1,"entries":[]}').rejected[0]!.problems[0]).toMatch(/not a liangzhao-personal-lists export/);
    expect(importPersonalLists('{"format":"liangzhao-personal-lists","version":9,"entries":[]}').rejected[0]!.problems[0]).toMatch(/version 9, newer/);
    expect(importPersonalLists('{"format":"liangzhao-personal-lists","version":1}').rejected[0]!.problems[0]).toMatch(/no "entries"/);
  });

  it('merges one entry per shop, newest wins, and removes by target', () => {
    const merged = mergePersonalLists([domain('warn', 'a.example'), domain('warn', 'b.example')], [domain('trust', 'a.example')]);
    expect(merged.map((e) => [e.target, e.action])).toEqual([
      [{ type: 'domain', pattern: 'b.example' }, 'warn'],
      [{ type: 'domain', pattern: 'a.example' }, 'trust'],
    ]);
    expect(removePersonalEntry(merged, { type: 'domain', pattern: 'b.example' })).toHaveLength(1);
  });

  it('parseEntry normalizes user input', () => {
    expect(parseEntry({ action: 'warn', target: { type: 'identifier', kind: 'uscc', value: ' 91350100 m000100y43 ' }, addedAt: at })).toEqual({
      ok: true,
      entry: { action: 'warn', target: { type: 'identifier', kind: 'uscc', value: '91350100M000100Y43' }, note: '', addedAt: at },
    });
  });

  it('a "warn" entry may block its site; "block" is kept only when chosen, and refused on "trust"', () => {
    const domain = { type: 'domain', pattern: '*.Scam.example.com' };
    expect(parseEntry({ action: 'warn', target: domain, addedAt: at, block: true })).toEqual({ ok: true, entry: { action: 'warn', target: { type: 'domain', pattern: '*.scam.example.com' }, note: '', addedAt: at, block: true } });
    expect(parseEntry({ action: 'warn', target: domain, addedAt: at, block: false })).toEqual({ ok: true, entry: { action: 'warn', target: { type: 'domain', pattern: '*.scam.example.com' }, note: '', addedAt: at } });
    expect(parseEntry({ action: 'trust', target: domain, addedAt: at, block: true })).toEqual({ ok: false, problems: ['only a "warn" entry can block'] });
    expect(parseEntry({ action: 'warn', target: domain, addedAt: at, block: 'yes' })).toEqual({ ok: false, problems: ['block must be true or false'] });
  });
});
