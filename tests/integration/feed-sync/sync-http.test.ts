import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeManifest } from '../../../src/tools/feed/build/build-feed';
import { sha256Hex } from '../../../src/feed/bytes';
import type { Manifest, SignedEnvelope } from '../../../src/feed/format';
import { parseFeedKey } from '../../../src/feed/signature';
import { lookupEntities } from '../../../src/lists/credit-cache';
import { ListsDb, openListsDb } from '../../../src/lists/lists-db';
import { getListsStatus, getSyncStatus } from '../../../src/lists/lists-status';
import { lookupIdentifiers } from '../../../src/lists/lookup-identifiers';
import { subscribeFeed } from '../../../src/lists/subscriptions';
import { syncFeed, type SyncDeps } from '../../../src/lists/sync-feed';
import { FIXTURES, TEST_KEY_TEXT, TEST_PUBKEY, blacklistCsv, build, tempDir, usccOf } from '../feed/helpers';
import { FeedServer } from './feed-server';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const V1 = range(0, 5000);
const V2 = [...V1.filter((i) => i !== 7 && i !== 8), 9000, 9001];
const V4 = range(20_000, 25_000);

const root = tempDir('sync');
const dirs = { v1: join(root, 'v1'), v2: join(root, 'v2'), v3: join(root, 'v3'), v3other: join(root, 'v3other'), v3bad: join(root, 'v3bad'), v4: join(root, 'v4') };
const server = new FeedServer();
const factory = new IDBFactory();
const deps = { indexedDB: factory, IDBKeyRange };
let db: ListsDb;
let clock = Date.parse('2025-03-01T00:00:00Z');
const now = () => clock;
const FEED_ID = 'test';
const sync = (extra: Partial<SyncDeps> = {}) => syncFeed(db, FEED_ID, { fetch, now, force: true, timeoutMs: 500, concurrency: 2, ...extra });
const listed = async (ids: number[]) => {
  const { matches } = await lookupIdentifiers(db, ids.map((n) => ({ kind: 'uscc' as const, value: usccOf(n) })), { now: clock });
  return ids.filter((n) => matches.some((m) => m.value === usccOf(n)));
};

/** Which generation a lookup sees: v1-only ids (7, 8), v2-only (9000), v4-only (20000). */
const generationSeen = async () => {
  const hits = await listed([7, 9000, 20_000, 0]);
  if (hits.includes(20_000)) return hits.includes(0) ? 'mixed' : 'v4';
  if (hits.includes(9000)) return hits.includes(7) ? 'mixed' : 'v2';
  return hits.includes(7) ? 'v1' : 'none';
};

beforeAll(async () => {
  const entities = [join(FIXTURES, 'entities.csv')];
  await build(dirs.v1, { blacklist: [blacklistCsv(root, 'v1.csv', V1)], entities, version: 1, shardBits: 4 });
  await build(dirs.v2, { blacklist: [blacklistCsv(root, 'v2.csv', V2)], entities, version: 2, previous: dirs.v1 });
  await build(dirs.v3, { blacklist: [blacklistCsv(root, 'v3.csv', [...V2, 9100])], entities, version: 3, shardBits: 4 });
  const otherKey = JSON.stringify({ type: 'ed25519', secretKey: Buffer.alloc(32, 7).toString('base64') });
  await build(dirs.v3other, { blacklist: [blacklistCsv(root, 'v3o.csv', [...V2, 9100])], entities, version: 3, shardBits: 4, keyText: otherKey });
  // A publisher bug: a correctly signed feed whose shard holds a record with an unknown list code.
  cpSync(dirs.v3, dirs.v3bad, { recursive: true });
  const manifest = JSON.parse((JSON.parse(readFileSync(join(dirs.v3bad, 'manifest.json'), 'utf8')) as SignedEnvelope).payload) as Manifest;
  const ref = manifest.blacklist.shards[0]!.keys;
  const shard = readFileSync(join(dirs.v3bad, ref.file));
  shard[7] = 99;
  writeFileSync(join(dirs.v3bad, ref.file), shard);
  ref.sha256 = await sha256Hex(new Uint8Array(shard));
  const key = await parseFeedKey(TEST_KEY_TEXT);
  await writeManifest(dirs.v3bad, manifest, key.secretKey, key.publicKey);
  await build(dirs.v4, { blacklist: [blacklistCsv(root, 'v4.csv', V4)], entities, version: 4, shardBits: 4 });

  await server.start();
  server.dir = dirs.v1;
  db = openListsDb(deps, 'lists-test');
  await subscribeFeed(db, { id: FEED_ID, url: server.url, publicKey: TEST_PUBKEY, staleAfterDays: 7 });
}, 60_000);

afterAll(async () => {
  db?.close();
  await server.stop();
});

describe('feed sync over real HTTP into IndexedDB (fake-indexeddb)', () => {
  it('before any sync, lookups say no list is loaded (not clean)', async () => {
    const r = await lookupIdentifiers(db, [{ kind: 'uscc', value: usccOf(1) }]);
    expect(r.matches).toEqual([]);
    expect(r.status.state).toBe('none');
  });

  it('imports version 1 and finds its entries', async () => {
    const r = await sync();
    expect(r.outcome).toBe('updated');
    if (r.outcome === 'updated') expect(r.progress).toMatchObject({ total: 16, downloaded: 16 });
    expect(await listed([0, 7, 4999, 9000])).toEqual([0, 7, 4999]);
    expect((await getListsStatus(db, clock)).state).toBe('ok');
    const [s] = await getSyncStatus(db, clock);
    expect(s).toMatchObject({ status: 'ok', version: 1, counts: { blacklist: 5000, entities: 9 }, error: null });
  });

  it('sends If-None-Match and treats 304 as up to date', async () => {
    server.log = [];
    const r = await sync();
    expect(r.outcome).toBe('not-modified');
    expect(server.log[0]).toMatchObject({ path: 'manifest.json', status: 304 });
    expect(server.log[0]!.ifNoneMatch).toMatch(/^"/);
  });

  it('a hit carries the published details, fetched by prefix and cached', async () => {
    server.log = [];
    const r = await lookupIdentifiers(db, [{ kind: 'uscc', value: usccOf(42) }], { fetch, now: clock });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ list: 'serious-dishonest', record: { name: '测试企业42有限公司', reason: '测试原因42', authority: '测试监管局', listedOn: '2024-01-01' } });
    expect(server.log.map((l) => l.path).every((p) => /^blacklist\/(index|details)\//.test(p))).toBe(true);
    expect(server.log.some((l) => l.path.includes(usccOf(42)))).toBe(false);
    server.mode = '500';
    const again = await lookupIdentifiers(db, [{ kind: 'uscc', value: usccOf(42) }], { fetch, now: clock });
    expect(again.matches[0]!.record?.reason).toBe('测试原因42');
    server.mode = 'normal';
  });

  it('version 2 arrives as a delta: only changed shards are rebuilt, nothing is downloaded whole', async () => {
    server.dir = dirs.v2;
    server.log = [];
    const r = await sync();
    expect(r.outcome).toBe('updated');
    if (r.outcome === 'updated') {
      expect(r.progress.downloaded).toBe(0);
      expect(r.progress.fromDelta).toBeGreaterThan(0);
      expect(r.progress.fromDelta + r.progress.reused).toBe(16);
    }
    expect(server.log.some((l) => l.path.startsWith('blacklist/keys/'))).toBe(false);
    expect(await generationSeen()).toBe('v2');
    // Same version again: a no-op.
    server.manifestOverride = Buffer.concat([readFileSync(join(dirs.v2, 'manifest.json')), Buffer.from(' ')]);
    expect((await sync()).outcome).toBe('same-version');
    server.manifestOverride = null;
  });

  const refused: [string, () => void, RegExp][] = [
    ['a tampered manifest', () => {
      server.dir = dirs.v3;
      server.manifestOverride = Buffer.from(readFileSync(join(dirs.v3, 'manifest.json'), 'utf8').replace('\\"name\\":\\"test-feed\\"', '\\"name\\":\\"evil-feed\\"'));
    }, /^signature:/],
    ['a feed signed with another key', () => { server.dir = dirs.v3other; }, /^signature:/],
    ['a truncated shard', () => { server.dir = dirs.v3; server.mode = 'truncate-shard'; }, /^hash:.*truncated/],
    ['a shard with a bad record', () => { server.dir = dirs.v3bad; }, /^record:.*unknown list code 99/],
    ['an older version (replay)', () => { server.dir = dirs.v1; }, /^older-version:/],
    ['404', () => { server.mode = '404'; }, /^http:.*404/],
    ['500', () => { server.mode = '500'; }, /^http:.*500/],
    ['a slow server', () => { server.dir = dirs.v3; server.mode = 'slow'; }, /^timeout:/],
    ['a server dying mid-download', () => { server.dir = dirs.v3; server.mode = 'die-mid-shard'; }, /^network:/],
  ];
  for (const [name, setup, expected] of refused) {
    it(`refuses ${name}, keeps version 2 in use, and the status says why`, async () => {
      setup();
      const r = await sync();
      server.mode = 'normal';
      server.manifestOverride = null;
      expect(r.outcome).toBe('failed');
      if (r.outcome === 'failed') {
        expect(`${r.error.code}: ${r.error.message}`).toMatch(expected);
        expect(r.keptVersion).toBe(2);
      }
      expect(await generationSeen()).toBe('v2');
      const [s] = await getSyncStatus(db, clock);
      expect(s!.status).toBe('error');
      expect(s!.version).toBe(2);
      expect(`${s!.error!.code}: ${s!.error!.message}`).toMatch(expected);
      const status = await getListsStatus(db, clock);
      expect(status.state).toBe('error');
      expect(status.feeds[0]!.error).toBe(s!.error!.message);
    });
  }

  it('backs off exponentially after failures, and a success resets it', async () => {
    server.mode = '500';
    const first = await syncFeed(db, FEED_ID, { fetch, now, timeoutMs: 500 });
    server.mode = 'normal';
    expect(first.outcome).toBe('backoff');
    const row = await db.feeds.get(FEED_ID);
    expect(row!.failures).toBeGreaterThanOrEqual(9);
    expect(row!.nextAttempt! - clock).toBeGreaterThan(60 * 60_000);
    clock = row!.nextAttempt! + 1;
    server.dir = dirs.v3;
    const ok = await syncFeed(db, FEED_ID, { fetch, now, timeoutMs: 2000 });
    expect(ok.outcome).toBe('updated');
    expect(await db.feeds.get(FEED_ID)).toMatchObject({ failures: 0, nextAttempt: null, lastError: null });
    expect(await listed([9100, 7])).toEqual([9100]);
  });

  it('killed mid-import, it resumes later; lookups never see half a list', async () => {
    server.dir = dirs.v4;
    const controller = new AbortController();
    const seenDuring: string[] = [];
    let chunks = 0;
    const killed = await sync({
      signal: controller.signal,
      concurrency: 1,
      onProgress: () => {
        chunks++;
        if (chunks === 5) controller.abort();
      },
    });
    expect(killed.outcome).toBe('failed');
    if (killed.outcome === 'failed') expect(killed.error.code).toBe('aborted');
    const before = await getSyncStatus(db, clock);
    expect(before[0]!.progress).toMatchObject({ version: 4, total: 16 });
    expect(before[0]!.progress!.done).toBeGreaterThanOrEqual(5);
    expect(before[0]!.version).toBe(3);
    seenDuring.push(await generationSeen());

    // A "restarted worker": a new connection to the same database.
    db.close();
    db = openListsDb(deps, 'lists-test');
    const resumed = await sync({
      concurrency: 1,
      onProgress: () => void generationSeen().then((g) => seenDuring.push(g)),
    });
    expect(resumed.outcome).toBe('updated');
    if (resumed.outcome === 'updated') {
      expect(resumed.progress.reused).toBeGreaterThanOrEqual(5);
      expect(resumed.progress.downloaded).toBe(16 - resumed.progress.reused);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(seenDuring.length).toBeGreaterThan(5);
    expect(seenDuring.every((g) => g === 'v2' || g === 'v4')).toBe(true);
    expect(seenDuring[0]).toBe('v2');
    expect(await generationSeen()).toBe('v4');
    // The old generation's blobs were collected: only v4's 16 shards remain.
    expect(await db.blobs.count()).toBe(16);
  });

  it('the credit cache fetches entity leaves lazily, serves them offline, and says unknown without them', async () => {
    const uscc = '91330106MA2H3P7L4H';
    const found = await lookupEntities(db, [uscc, '91440101MA59AB123R'], { fetch, now: clock });
    expect(found[0]).toMatchObject({ state: 'found', stale: false, record: { name: '杭州瑞丰机械设备有限公司', status: '存续', creditLevel: 'B' } });
    expect(found[1]).toMatchObject({ state: 'not-found' });
    server.mode = '500';
    const offline = await lookupEntities(db, [uscc], { fetch, now: clock });
    expect(offline[0]).toMatchObject({ state: 'found' });
    // Asked again (every rescan of a page asks again): answered from memory, no database read.
    const reads = vi.spyOn(db.cache, 'get');
    expect((await lookupEntities(db, [uscc], { fetch, now: clock }))[0]).toMatchObject({ state: 'found' });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    const fresh = openListsDb(deps, 'lists-fresh');
    await subscribeFeed(fresh, { id: 'f', url: server.url, publicKey: TEST_PUBKEY });
    server.mode = 'normal';
    expect((await syncFeed(fresh, 'f', { fetch, now })).outcome).toBe('updated');
    server.mode = '500';
    const unknown = await lookupEntities(fresh, [uscc], { fetch, now: clock });
    server.mode = 'normal';
    expect(unknown[0]).toMatchObject({ state: 'unknown' });
    expect(unknown[0]!.state === 'unknown' && unknown[0]!.reason).toMatch(/500/);
    fresh.close();
  });

  it('a list not checked for longer than its stale-after days is reported stale', async () => {
    clock += 8 * 86_400_000;
    const status = await getListsStatus(db, clock);
    expect(status.state).toBe('stale');
    expect(status.feeds[0]!.stale).toBe(true);
    const files = readdirSync(join(dirs.v4, 'blacklist/keys'));
    expect(files.length).toBe(16);
  });
});
