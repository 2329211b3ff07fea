import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import 'fake-indexeddb/auto';
import { acceptReading, type AskedLookup } from './accept-reading';
import { AnswersDb } from './answers-db';
import { readRegistryPage } from './read-registry-page';
import { pageRegistryKeys } from './page-keys';

const read = (file: string, url: string) =>
  readRegistryPage(parseHTML(readFileSync(new URL(`../../tests/fixtures/registries/${file}`, import.meta.url), 'utf8')).document as unknown as Document, url);

const COMPANY_URL = 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html';
const asked: AskedLookup = { kind: 'uscc', value: '91330106MA2H3P7L4H', shopTabId: 7, site: 'gsxt', openedAt: 1 };

describe('acceptReading: an answer counts only for the shop tab that asked, about what it asked', () => {
  it('accepts the registry\'s answer about the value asked, for the asking shop tab', () => {
    const a = acceptReading(COMPANY_URL, read('gsxt-company.html', COMPANY_URL), asked);
    expect(a).toMatchObject({ accepted: true, kind: 'answer', key: { kind: 'uscc', value: '91330106MA2H3P7L4H' }, shopTabId: 7 });
  });

  it('refuses a tab the extension did not open for a shop', () => {
    expect(acceptReading(COMPANY_URL, read('gsxt-company.html', COMPANY_URL), null)).toEqual({ accepted: false, reason: 'this tab was not opened to check a shop' });
  });

  it('refuses a sender that is not a registry host over https, whatever the page claims', () => {
    const reading = read('gsxt-company.html', COMPANY_URL);
    for (const sender of ['https://www.gsxt.gov.cn.example.com/x', 'http://www.gsxt.gov.cn/x', 'https://evil.example/']) {
      expect(acceptReading(sender, reading, asked).accepted, sender).toBe(false);
    }
  });

  it('refuses an answer of another registry than the sender\'s, or about another company', () => {
    const gsxtAnswer = read('gsxt-company.html', COMPANY_URL);
    expect(acceptReading('https://www.creditchina.gov.cn/x', gsxtAnswer, asked)).toEqual({ accepted: false, reason: 'the answer names another registry' });
    const other = read('gsxt-company-revoked.html', 'https://gd.gsxt.gov.cn/corp-query-entprise-info-y.html');
    expect(acceptReading('https://gd.gsxt.gov.cn/corp-query-entprise-info-y.html', other, asked)).toEqual({ accepted: false, reason: 'the answer is about another company or filing' });
    // "Nothing found" for another search term is not "nothing found" for the shop's code.
    const none = read('gsxt-search-none.html', 'https://www.gsxt.gov.cn/corp-query-search-1.html');
    expect(acceptReading('https://www.gsxt.gov.cn/corp-query-search-1.html', none, asked).accepted).toBe(false);
    expect(acceptReading('https://www.gsxt.gov.cn/corp-query-search-1.html', none, { ...asked, value: '91350200MA2Y7K4P3T' }).accepted).toBe(true);
  });

  it('passes an unreadable page on as such, for the asking tab', () => {
    const url = 'https://www.gsxt.gov.cn/corp-query-search-1.html';
    expect(acceptReading(url, read('gsxt-search-unknown.html', url), asked)).toMatchObject({ accepted: true, kind: 'unreadable', site: 'gsxt', url, shopTabId: 7 });
    expect(acceptReading(url, { state: 'no-result', site: 'gsxt' }, asked).accepted).toBe(false);
  });
});

describe('AnswersDb: the user\'s credit-level cache', () => {
  it('keeps one answer per value and registry, finds it for any page showing the value, lists and forgets', async () => {
    const db = new AnswersDb({ indexedDB, IDBKeyRange }, `test-${Math.random()}`);
    const reading = read('gsxt-company.html', COMPANY_URL);
    if (reading.state !== 'answer') throw new Error('no answer');
    await db.put(asked, reading.answer, 1000);
    await db.put(asked, { ...reading.answer, words: 'newer' }, 2000);
    const page = { url: 'https://another-shop.example.cn/', identifiers: [{ kind: 'uscc' as const, value: '9133 0106 MA2H 3P7L 4H', valid: true }], licenses: [] };
    const found = await db.lookup(pageRegistryKeys(page));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'uscc', value: '91330106MA2H3P7L4H', state: 'answered', at: 2000 });
    expect(await db.lookup(pageRegistryKeys({ ...page, identifiers: [] }))).toEqual([]);
    expect((await db.all()).map((r) => r.id)).toEqual(['uscc:91330106MA2H3P7L4H|gsxt']);
    await db.forget(['uscc:91330106MA2H3P7L4H|gsxt']);
    expect(await db.all()).toEqual([]);
  });
});
