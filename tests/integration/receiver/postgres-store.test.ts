import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';
import { bodyHash } from '../../../src/tools/receiver/canonical-json';
import { openStore } from '../../../src/tools/receiver/open-store';
import { startReceiver } from '../../../src/tools/receiver/server';
import { post, sampleReport } from './fixtures';
import { postgresOrSkip, startPostgres } from './postgres-server';

// Runs where PostgreSQL server binaries are installed (Debian: apt-get install postgresql; npm test
// installs it where apt-get can run, and then a missing server fails instead of skipping).
const { bin } = postgresOrSkip('postgres-store.test.ts');

describe.skipIf(!bin)('PostgreSQL store (real local server)', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('stores, dedupes, refuses a reused key, and keeps everything across a reconnect', async () => {
    let store = await openStore(pg.url);
    expect(store.description).toMatch(/^postgres:\/\/liangzhao@127\.0\.0\.1:\d+\/postgres$/);
    const report = sampleReport();
    const at = '2025-03-02T00:00:00.000Z';
    const first = await store.insert(report, bodyHash(report), at);
    expect(first.kind).toBe('inserted');
    expect(await store.insert(report, bodyHash(report), at)).toEqual({ kind: 'duplicate', id: first.id });
    const changed = { ...report, text: 'x' };
    expect(await store.insert(changed, bodyHash(changed), at)).toEqual({ kind: 'conflict', id: first.id });
    await store.close();

    store = await openStore(pg.url);
    expect((await store.get(first.id))?.report).toEqual(report);
    expect(await store.get('not-a-number')).toBeNull();
    expect(await store.review(first.id, 'reviewed', 'ok', at)).toBe(true);
    expect((await store.list({ status: 'reviewed' })).map((r) => r.id)).toEqual([first.id]);
    await store.close();
  });

  it('keeps one row when the same report arrives many times at once', async () => {
    const store = await openStore(pg.url);
    const report = sampleReport();
    const results = await Promise.all(Array.from({ length: 10 }, () => store.insert(report, bodyHash(report), '2025-03-02T00:00:00.000Z')));
    expect(results.filter((r) => r.kind === 'inserted')).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await store.list()).filter((r) => r.idempotencyKey === report.idempotencyKey)).toHaveLength(1);
    await store.close();
  });

  it('serves the receiver and the reports command', async () => {
    const store = await openStore(pg.url);
    const receiver = await startReceiver({ store, port: 0 });
    try {
      const report = sampleReport();
      const a = await post(receiver.url, report);
      const b = await post(receiver.url, report);
      expect([a.status, b.status]).toEqual([201, 200]);
      expect(b.json).toEqual({ id: a.json.id, duplicate: true });
      const out: string[] = [];
      expect(await main(['reports', 'review', String(a.json.id), '--status', 'reviewed', '--db', pg.url], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
      expect(await main(['reports', 'export', '--db', pg.url], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
      expect(out.at(-1)).toContain('91350100M000100Y43,uscc,community,');
    } finally {
      await receiver.close();
      await store.close();
    }
  });

  it('says clearly when the database cannot be reached, without the password', async () => {
    await expect(openStore('postgres://liangzhao:secret@127.0.0.1:1/postgres')).rejects.toThrow(/cannot open PostgreSQL postgres:\/\/liangzhao:\*\*\*@127\.0\.0\.1:1\/postgres/);
  });
});
