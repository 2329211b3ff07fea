import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/tools/receiver/open-store';
import type { ReportStore } from '../../../src/tools/receiver/report-store';
import { startReceiver, type RunningReceiver } from '../../../src/tools/receiver/server';
import { post, sampleReport } from './fixtures';
import { postgresOrSkip } from './postgres-server';

/**
 * Issue 15, item 8: the receiver gives the same answer whichever database is behind it. Every case
 * runs against SQLite and against a real local PostgreSQL (postgres-server.ts; `npm test` installs
 * it where it can).
 */
const pg = postgresOrSkip('same-answer.test.ts');

const dir = mkdtempSync(join(tmpdir(), 'liangzhao-same-answer-'));
const backends: [string, () => Promise<ReportStore>][] = [['SQLite', () => openStore(join(dir, 'reports.sqlite'))]];
if (pg.bin) backends.push(['PostgreSQL', async () => openStore((await pg.server()).url)]);

afterAll(async () => {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(backends)('the receiver on %s', (_name, open) => {
  let receiver: RunningReceiver;
  let store: ReportStore;
  beforeAll(async () => {
    store = await open();
    receiver = await startReceiver({ store, port: 0, rateLimit: { capacity: 1000, refillPerSecond: 100 } });
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
  });

  it('refuses a NUL (or any control character) in the page URL with 422, and stores nothing', async () => {
    const r = sampleReport();
    for (const url of ['https://shop.example.cn/a\u0000b', 'https://shop.example.cn/a\u001bb', 'https://shop.example.cn/a\ud800']) {
      const res = await post(receiver.url, { ...r, evidence: { ...r.evidence, url } });
      expect(res.status, JSON.stringify(url)).toBe(422);
      expect(res.json.details).toEqual([{ path: 'evidence.url', message: 'must not contain control characters or broken UTF-16' }]);
    }
    expect((await store.list()).filter((s) => s.idempotencyKey === r.idempotencyKey)).toEqual([]);
  });

  it('takes an upper-case idempotency key for its lower-case twin', async () => {
    const r = sampleReport();
    const first = await post(receiver.url, r);
    const twin = await post(receiver.url, { ...r, idempotencyKey: r.idempotencyKey.toUpperCase() }, { 'idempotency-key': r.idempotencyKey.toUpperCase() });
    expect(first.status).toBe(201);
    expect(twin.status).toBe(200);
    expect(twin.json).toEqual({ id: first.json.id, duplicate: true });
  });

  it('answers a body over the limit with its 413, declared or not, rather than a broken connection', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    for (const declared of [true, false]) {
      const status = await new Promise<number>((resolve, reject) => {
        const { port } = new URL(receiver.url);
        const req = request({ host: '127.0.0.1', port, path: '/reports', method: 'POST', headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': big.length } : {}) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        // Written in pieces, as a slow client would, while the server has already answered.
        let at = 0;
        const next = () => {
          if (at >= big.length) return void req.end();
          const piece = big.subarray(at, (at += 256 * 1024));
          if (req.write(piece)) setImmediate(next);
          else req.once('drain', next);
        };
        next();
      });
      expect(status, declared ? 'declared' : 'chunked').toBe(413);
    }
  });

  it('bounds its error reply whatever the body', async () => {
    const r = sampleReport();
    const findings = Array.from({ length: 50 }, () => ({ code: 'x'.repeat(5000), severity: 'nope', message: 1, evidence: 2, params: 3, extra: 4 }));
    const reply = await fetch(`${receiver.url}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...r, evidence: { ...r.evidence, findings } }),
    });
    const text = await reply.text();
    expect(reply.status).toBe(422);
    expect(text.length).toBeLessThan(16_384);
    expect(text).toMatch(/and \d+ more problems/);
  });
});
