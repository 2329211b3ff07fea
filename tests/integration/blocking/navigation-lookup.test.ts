import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PUBKEY, build, tempDir } from '../feed/helpers';
import { FeedServer } from '../feed-sync/feed-server';
import { DEFAULT_BLOCK_PREFERENCES, normalizeBlockPreferences } from '../../../src/blocking/block-preferences';
import { browserLimits, buildBlockRules } from '../../../src/blocking/block-rules';
import { blockingDomainFiles, domainSources } from '../../../src/blocking/domain-sources';
import { withLocalDetails } from '../../../src/blocking/explain-reasons';
import { checkNavigation, type ShopperChoices } from '../../../src/blocking/navigation-check';
import { allow } from '../../../src/blocking/allowances';
import { openListsDb, type ListsDb } from '../../../src/lists/lists-db';
import { subscribeFeed } from '../../../src/lists/subscriptions';
import { syncFeed } from '../../../src/lists/sync-feed';

const HEADER = 'id,id_type,list,name,reason,authority,listed_on,source_url';
const ROWS = [
  'evil.example.com,domain,fraud-domain,,仿冒银行网站,国家互联网应急中心,2024-01-10,https://www.12377.cn/',
  // 假冒商城.中国, as the list keeper publishes it: punycode.
  'xn--sxq64aj5fc6c.xn--fiqs8s,domain,fraud-domain,,假冒商城,国家互联网应急中心,2024-02-01,',
  'odd.example.org,domain,abnormal-operation,,无法联系,某市场监督管理局,2024-03-01,',
];
const root = tempDir('nav');
const server = new FeedServer();
let db: ListsDb;
const none: ShopperChoices = { prefs: DEFAULT_BLOCK_PREFERENCES, personal: [], allowances: [] };
const blocked = async (url: string, choices = none) => (await checkNavigation(db, url, choices)).reasons.map((r) => (r.source === 'list' ? `${r.list} ${r.value}` : r.pattern));

beforeAll(async () => {
  const csv = join(root, 'b.csv');
  writeFileSync(csv, [HEADER, ...ROWS].join('\n') + '\n');
  await build(join(root, 'feed'), { blacklist: [csv], version: 1 });
  server.dir = join(root, 'feed');
  await server.start();
  db = openListsDb({ indexedDB: new IDBFactory(), IDBKeyRange }, 'nav');
  await subscribeFeed(db, { id: 'f', url: server.url, publicKey: TEST_PUBKEY });
  const synced = await syncFeed(db, 'f', { fetch, force: true, timeoutMs: 5000 });
  if (synced.outcome !== 'updated') throw new Error(synced.outcome);
}, 60_000);

afterAll(async () => {
  db?.close();
  await server.stop();
});

describe('the block check of a navigation, against a synced list on the device', () => {
  it('a listed domain and every subdomain of it, with or without www. and a port', async () => {
    for (const url of ['https://evil.example.com/', 'http://www.evil.example.com/login', 'https://pay.evil.example.com:8443/x?y#z', 'https://EVIL.example.com./']) {
      expect(await blocked(url), url).toEqual(['fraud-domain evil.example.com']);
    }
  });
  it('an internationalized name, written in Chinese or in punycode', async () => {
    expect(await blocked('https://假冒商城.中国/item/1')).toEqual(['fraud-domain xn--sxq64aj5fc6c.xn--fiqs8s']);
    expect(await blocked('https://店.xn--sxq64aj5fc6c.xn--fiqs8s/')).toEqual(['fraud-domain xn--sxq64aj5fc6c.xn--fiqs8s']);
  });
  it('not a parent, a sibling, a look-alike, or an entry of a list that only marks', async () => {
    for (const url of ['https://example.com/', 'https://good.example.com/', 'https://notevil.example.com/', 'https://evil.example.com.cn/', 'https://odd.example.org/', 'http://127.0.0.1/']) {
      expect(await blocked(url), url).toEqual([]);
    }
    expect(await blocked('https://odd.example.org/', { ...none, prefs: normalizeBlockPreferences({ lists: { 'abnormal-operation': 'block' } }) })).toEqual(['abnormal-operation odd.example.org']);
  });
  it('a list not checked within its stale-after days never blocks, and gives the browser no rules', async () => {
    const row = (await db.feeds.get('f'))!;
    await db.feeds.update('f', { lastSuccess: Date.now() - (row.staleAfterDays + 1) * 86_400_000 });
    try {
      expect(await blocked('https://evil.example.com/')).toEqual([]);
      expect((await blockingDomainFiles(db, DEFAULT_BLOCK_PREFERENCES)).lists).toEqual([]);
    } finally {
      await db.feeds.update('f', { lastSuccess: row.lastSuccess });
    }
    expect(await blocked('https://evil.example.com/')).toEqual(['fraud-domain evil.example.com']);
  });
  it('the shopper continued to it: allowed for this list version only', async () => {
    const first = await checkNavigation(db, 'https://evil.example.com/', none);
    const allowances = allow([], 'evil.example.com', first.lists, 1);
    const again = await checkNavigation(db, 'https://www.evil.example.com/', { ...none, allowances });
    expect(again).toMatchObject({ allowed: true, reasons: [] });
    expect((await checkNavigation(db, 'https://evil.example.com/', { ...none, allowances: allow([], 'evil.example.com', 'f@0', 1) })).reasons).toHaveLength(1);
  });
  it('the list\'s domain file gives the browser rules and the block page its details, without asking anyone', async () => {
    const before = server.log.length;
    const files = await blockingDomainFiles(db, DEFAULT_BLOCK_PREFERENCES, { fetch });
    expect(files.problems).toEqual([]);
    // Every blocking list's domains are in a file (严重违法失信名单 says it holds none): no guard needed.
    expect(files.unheld).toEqual([]);
    expect(files.lists.map((f) => `${f.list} ${f.records.length}`)).toEqual(['fraud-domain 2']);
    expect(server.log.slice(before).map((l) => l.path)).toEqual([expect.stringMatching(/^lists\/fraud-domain-domains-[0-9a-f]{12}\.json$/)]);
    const built = buildBlockRules(domainSources(files.lists), browserLimits({}, 'firefox'), 'moz-extension://x/extension/block/block.html?via=rule#');
    expect(built.rules.flatMap((r) => r.condition.requestDomains)).toEqual(['evil.example.com', 'xn--sxq64aj5fc6c.xn--fiqs8s']);
    // Offline now: the cached copy serves, and the details reach the block page.
    const cached = await blockingDomainFiles(db, DEFAULT_BLOCK_PREFERENCES);
    const { reasons } = await checkNavigation(db, 'https://evil.example.com/', none);
    expect(reasons[0]).toMatchObject({ record: null });
    expect(withLocalDetails(reasons, cached.lists)[0]).toMatchObject({ record: { reason: '仿冒银行网站', authority: '国家互联网应急中心', listedOn: '2024-01-10' } });
    // A list the shopper set to only inform has no file fetched and no rules.
    expect((await blockingDomainFiles(db, normalizeBlockPreferences({ lists: { 'fraud-domain': 'inform' } }))).lists).toEqual([]);
    // A list that marks, set to block by the shopper, holds a domain and has a file: still none unheld.
    expect((await blockingDomainFiles(db, normalizeBlockPreferences({ lists: { 'abnormal-operation': 'block' } }))).unheld).toEqual([]);
  });
  it('a blocking list too large for a domain file (or from a feed that does not say) is left to the document_start check', async () => {
    const dir = join(root, 'big');
    const csv = join(root, 'b.csv');
    await build(dir, { blacklist: [csv], version: 1, domainFileMax: 1 });
    const big = new FeedServer();
    big.dir = dir;
    await big.start();
    const other = openListsDb({ indexedDB: new IDBFactory(), IDBKeyRange }, 'nav-big');
    try {
      await subscribeFeed(other, { id: 'b', url: big.url, publicKey: TEST_PUBKEY });
      expect((await syncFeed(other, 'b', { fetch, force: true, timeoutMs: 5000 })).outcome).toBe('updated');
      const files = await blockingDomainFiles(other, DEFAULT_BLOCK_PREFERENCES, { fetch });
      expect(files.lists).toEqual([]);
      expect(files.unheld).toEqual([expect.stringMatching(/ fraud-domain$/)]);
    } finally {
      other.close();
      await big.stop();
    }
  });
});
