import { join } from 'node:path';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PUBKEY, blacklistCsv, build, tempDir, usccOf } from '../feed/helpers';
import { FeedServer } from '../feed-sync/feed-server';
import { collectGarbage } from '../../../src/lists/collect-garbage';
import { openListsDb, type ListsDb } from '../../../src/lists/lists-db';
import { hashQueriesSync, lookupIdentifiers } from '../../../src/lists/lookup-identifiers';
import { warmGenerations } from '../../../src/lists/generation-cache';
import { readPages } from '../../../src/lists/read-pages';
import { bornGeneration } from '../../../src/lists/store-shard';
import { subscribeFeed, unsubscribeFeed } from '../../../src/lists/subscriptions';
import { syncFeed } from '../../../src/lists/sync-feed';

// Small pages (8 records) so that 3000 keys in 4 shards make ~95 pages and a delta touches few of them.
const PAGE = 8;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const V1 = range(0, 3000);
const V2 = [...V1.filter((i) => i % 500 !== 3), 7001, 7002, 7003];
const V3 = [...V2.filter((i) => i !== 10), 8001];
const root = tempDir('paged');
const server = new FeedServer();
const factory = new IDBFactory();
let db: ListsDb;
const sync = () => syncFeed(db, 'f', { fetch, force: true, timeoutMs: 2000, pageRecords: PAGE });
const listed = async (ids: number[]) => {
  const { matches } = await lookupIdentifiers(db, ids.map((n) => ({ kind: 'uscc' as const, value: usccOf(n) })));
  return ids.filter((n) => matches.some((m) => m.value === usccOf(n)));
};
const pageKeys = async () => (await db.pages.toCollection().primaryKeys()).map(([, k]) => k);

beforeAll(async () => {
  await build(join(root, 'v1'), { blacklist: [blacklistCsv(root, 'v1.csv', V1)], version: 1, shardBits: 2 });
  await build(join(root, 'v2'), { blacklist: [blacklistCsv(root, 'v2.csv', V2)], version: 2, previous: join(root, 'v1') });
  await build(join(root, 'v3'), { blacklist: [blacklistCsv(root, 'v3.csv', V3)], version: 3, previous: join(root, 'v2') });
  await server.start();
  db = openListsDb({ indexedDB: factory, IDBKeyRange }, 'paged');
  await subscribeFeed(db, { id: 'f', url: server.url, publicKey: TEST_PUBKEY });
}, 60_000);

afterAll(async () => {
  db?.close();
  await server.stop();
});

describe('paged shard storage', () => {
  it('stores each shard as small pages and finds every key through the page index', async () => {
    server.dir = join(root, 'v1');
    expect((await sync()).outcome).toBe('updated');
    expect(await db.blobs.count()).toBe(4);
    const pages = await db.pages.toArray();
    expect(pages.length).toBeGreaterThanOrEqual(3000 / (2 * PAGE));
    expect(pages.reduce((s, p) => s + p.length, 0)).toBe(3000 * 8);
    // A page is stored on its own, not as a view of the whole downloaded shard.
    expect(Math.max(...pages.map((p) => p.buffer.byteLength))).toBeLessThanOrEqual(2 * PAGE * 8 + 32);
    expect(await listed([0, 1, 7, 1500, 2999, 3000, 7001])).toEqual([0, 1, 7, 1500, 2999]);
    // The feed row is a small pointer, not the manifest.
    expect(JSON.stringify(await db.feeds.get('f')).length).toBeLessThan(1500);
  });

  it('with the page filters loaded, a lookup reads the page of a listed key and rarely one of an unlisted key', async () => {
    await warmGenerations(db, await db.feeds.toArray());
    expect(await db.filters.count()).toBe(4);
    const hashes = (ids: number[]) => hashQueriesSync(ids.map((n) => ({ kind: 'uscc' as const, value: usccOf(n) }))).map((q) => q.hash);
    const listedReads = await readPages(db, hashes(range(0, 3000)));
    expect(listedReads.pages).toHaveLength(3000);
    const unlistedReads = await readPages(db, hashes(range(10_000, 12_000)));
    expect(unlistedReads.pages.length).toBeLessThan(2000 * 0.03);
    expect(await listed(range(0, 3000))).toHaveLength(3000);
  });

  it('a delta rewrites only the pages its changes fall into; the old generation keeps working until the switch', async () => {
    const before = new Set(await pageKeys());
    server.dir = join(root, 'v2');
    const r = await sync();
    if (r.outcome !== 'updated') throw new Error(r.outcome);
    expect(r.progress.downloaded).toBe(0);
    expect(r.progress.fromDelta).toBeGreaterThan(0);
    expect(r.progress.fromDelta + r.progress.reused).toBe(4);
    const after = await pageKeys();
    const fresh = after.filter((k) => !before.has(k));
    // 9 changes (6 removed, 3 added) touch at most 9 pages; all other pages are shared with v1.
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThanOrEqual(9 + 3);
    expect(fresh.every((k) => bornGeneration(k) === 2)).toBe(true);
    expect(after.filter((k) => before.has(k)).length).toBeGreaterThan(after.length - 12);
    expect(await listed([3, 503, 7001, 7003, 0, 2999])).toEqual([7001, 7003, 0, 2999]);
    // Pages only v1 used are gone.
    const named = new Set((await db.blobs.toArray()).flatMap((s) => s.pages));
    expect(after.every((k) => named.has(k))).toBe(true);
  });

  it('chains deltas over shared pages and leaves nothing unnamed after garbage collection', async () => {
    server.dir = join(root, 'v3');
    const r = await sync();
    expect(r.outcome === 'updated' && r.progress.downloaded).toBe(0);
    expect(await listed([10, 8001, 7001, 11])).toEqual([8001, 7001, 11]);
    // Filters of kept pages were carried over, new pages got their own: every key is still found through them.
    await warmGenerations(db, await db.feeds.toArray());
    expect(await listed(V3)).toHaveLength(V3.length);
    expect(await db.filters.count()).toBe(4);
    expect(await db.blobs.count()).toBe(4);
    expect(await db.manifests.count()).toBe(1);
    expect(await collectGarbage(db, 'f', Date.now())).toBe(0);
    const rows = await db.blobs.toArray();
    expect(rows.every((s) => s.generation === 3)).toBe(true);
    expect(new Set(rows.flatMap((s) => s.pages)).size).toBe(await db.pages.count());
  });

  it('a damaged page makes the lookup fail loudly (never a clean answer)', async () => {
    const [key] = await db.pages.toCollection().primaryKeys();
    const bytes = await db.pages.get(key!);
    await db.pages.delete(key!);
    // Every shard's keys are looked up, so one of them reads the missing page.
    await expect(lookupIdentifiers(db, range(0, 3000).map((n) => ({ kind: 'uscc' as const, value: usccOf(n) })))).rejects.toThrow(/damaged/);
    await db.pages.put(bytes!, key!);
  });

  it('unsubscribing deletes the feed’s shards, filters, pages and manifests', async () => {
    await unsubscribeFeed(db, 'f');
    expect([await db.blobs.count(), await db.filters.count(), await db.pages.count(), await db.manifests.count()]).toEqual([0, 0, 0, 0]);
  });

  it('a database of the one-row-per-shard layout (version 1) is upgraded: subscriptions kept, lists synced again', async () => {
    const old = new Dexie('paged-v1', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ feeds: 'id', blobs: '[feedId+sha256], feedId', cache: 'key, feedId, fetchedAt' });
    await old.table('feeds').put({ id: 'g', url: server.url, publicKey: TEST_PUBKEY, name: 'old', enabled: true, staleAfterDays: 7, active: { generation: 1, version: 1, manifestSha: 'x', manifest: {}, switchedAt: 1 }, pending: null, etag: '"e"', lastAttempt: 1, lastSuccess: 1, lastError: null, failures: 0, nextAttempt: 5, syncing: false });
    await old.table('blobs').put({ feedId: 'g', sha256: 'x', count: 1, bytes: new Uint8Array(8) });
    old.close();
    const upgraded = openListsDb({ indexedDB: factory, IDBKeyRange }, 'paged-v1');
    const row = await upgraded.feeds.get('g');
    expect(row).toMatchObject({ url: server.url, active: null, pending: null, etag: null, nextAttempt: null });
    expect(await upgraded.blobs.count()).toBe(0);
    server.dir = join(root, 'v1');
    expect((await syncFeed(upgraded, 'g', { fetch, timeoutMs: 2000 })).outcome).toBe('updated');
    expect((await lookupIdentifiers(upgraded, [{ kind: 'uscc', value: usccOf(5) }])).matches).toHaveLength(1);
    upgraded.close();
  });
});
