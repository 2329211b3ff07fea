import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_PUBKEY, blacklistCsv, build, tempDir, usccOf } from '../feed/helpers';
import { FeedServer } from '../feed-sync/feed-server';
import { openListsDb, type ListsDb } from '../../../src/lists/lists-db';
import { lookupIdentifiers } from '../../../src/lists/lookup-identifiers';
import { subscribeFeed, unsubscribeFeed } from '../../../src/lists/subscriptions';
import { syncFeed } from '../../../src/lists/sync-feed';

const root = tempDir('memo');
const server = new FeedServer();
const factory = new IDBFactory();
let db: ListsDb;
const ids = (ns: number[]) => ns.map((n) => ({ kind: 'uscc' as const, value: usccOf(n) }));

beforeAll(async () => {
  await build(join(root, 'v1'), { blacklist: [blacklistCsv(root, 'v1.csv', [1, 2, 3])], version: 1, shardBits: 2 });
  await build(join(root, 'v2'), { blacklist: [blacklistCsv(root, 'v2.csv', [1, 2, 4])], version: 2, previous: join(root, 'v1') });
  await server.start();
  db = openListsDb({ indexedDB: factory, IDBKeyRange }, 'memo');
  await subscribeFeed(db, { id: 'f', url: server.url, publicKey: TEST_PUBKEY });
  server.dir = join(root, 'v1');
  await syncFeed(db, 'f', { fetch, force: true, timeoutMs: 2000 });
}, 60_000);

afterAll(async () => {
  db?.close();
  await server.stop();
});

describe('lookups from memory', () => {
  it('a repeated lookup needs no transaction; any write to the lists is seen by the next lookup', async () => {
    const first = await lookupIdentifiers(db, ids([1, 3, 4, 99]));
    expect(first.matches.map((m) => m.value)).toEqual([usccOf(1), usccOf(3)]);
    const transactions = vi.spyOn(db.backendDB(), 'transaction');
    const again = await lookupIdentifiers(db, ids([1, 3, 4, 99]));
    expect(again.matches).toEqual(first.matches);
    expect(transactions).not.toHaveBeenCalled();

    // Another connection (as another context would) syncs version 2: the next lookup sees it whole.
    const other = openListsDb({ indexedDB: factory, IDBKeyRange }, 'memo');
    server.dir = join(root, 'v2');
    expect((await syncFeed(other, 'f', { fetch, force: true, timeoutMs: 2000 })).outcome).toBe('updated');
    const v2 = await lookupIdentifiers(db, ids([1, 3, 4, 99]));
    expect(transactions).toHaveBeenCalled();
    expect(v2.matches.map((m) => m.value)).toEqual([usccOf(1), usccOf(4)]);
    expect(v2.feeds[0]?.active?.version).toBe(2);

    await unsubscribeFeed(other, 'f');
    const none = await lookupIdentifiers(db, ids([1, 3, 4, 99]));
    expect(none.matches).toEqual([]);
    expect(none.status.state).toBe('none');
    other.close();
    transactions.mockRestore();
  });
});
