import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, SENDING_LEASE_MS } from '../../../src/reports/outbox';
import { previewReport } from '../../../src/reports/preview-report';
import type { ReportStore } from '../../../src/tools/receiver/report-store';
import { startReceiver, type RunningReceiver } from '../../../src/tools/receiver/server';
import { openSqliteStore } from '../../../src/tools/receiver/sqlite-store';
import { post, sampleReport, tempDb } from './fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function receiver(rateLimit = { capacity: 1000, refillPerSecond: 1000 }, file = tempDb()): Promise<{ receiver: RunningReceiver; store: ReportStore }> {
  const store = await openSqliteStore(file);
  const r = await startReceiver({ store, port: 0, rateLimit });
  cleanups.push(() => store.close(), () => r.close());
  return { receiver: r, store };
}

/** A port with nothing listening: the receiver is "down". */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/**
 * A proxy in front of the receiver that forwards each request and waits for the receiver's answer,
 * then, while `lose` is set, destroys the client's socket instead of relaying it: the report
 * arrived, but the client never learns so.
 */
async function lossyProxy(target: string): Promise<{ url: string; forwarded: () => number; lose: (on: boolean) => void }> {
  let lose = true;
  let forwarded = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'idempotency-key']) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
    const body = await answer.text();
    forwarded++;
    if (lose) return void req.socket.destroy();
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, forwarded: () => forwarded, lose: (on) => (lose = on) };
}

function services() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

describe('outbox with the real receiver', () => {
  it('keeps a report written while the receiver is down, across a restart, and delivers it once despite a lost response', async () => {
    const idb = services();
    const report = sampleReport();
    let clock = Date.parse('2025-03-01T08:00:00Z');
    const now = () => clock;

    // 1. Submitted while the receiver is down: saved at once, the attempt fails, it stays queued.
    let outbox = new Outbox(idb);
    await outbox.submit(report, { now: clock });
    const down = `http://127.0.0.1:${await deadPort()}/reports`;
    expect(await outbox.flush(fetch, [down], now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const afterDown = await outbox.get(report.idempotencyKey);
    expect(afterDown).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/network error/) });
    expect(afterDown!.nextAttemptAt).toBeGreaterThan(clock);
    // Not due yet: a flush now sends nothing.
    expect(await outbox.flush(fetch, [down], now)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // 2. Restart: a new connection to the same IndexedDB finds the report.
    outbox.close();
    outbox = new Outbox(idb);
    cleanups.push(() => outbox.close());
    expect((await outbox.list()).map((e) => [e.key, e.status])).toEqual([[report.idempotencyKey, 'queued']]);

    // 3. The receiver is up, behind a proxy that loses the first response.
    const { receiver: r, store } = await receiver();
    const proxy = await lossyProxy(r.url);
    clock = afterDown!.nextAttemptAt;
    expect(await outbox.flush(fetch, [`${proxy.url}/reports`], now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(proxy.forwarded()).toBe(1);
    expect(await store.list()).toHaveLength(1);
    const lost = await outbox.get(report.idempotencyKey);
    expect(lost).toMatchObject({ status: 'queued', attempts: 2 });

    // 4. The retry carries the same key; the receiver recognizes it and answers with the original id.
    proxy.lose(false);
    clock = lost!.nextAttemptAt;
    expect(await outbox.flush(fetch, [`${proxy.url}/reports`], now)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const rows = await store.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.report).toEqual(previewReport(report).body);
    const sent = await outbox.get(report.idempotencyKey);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, receipt: { id: rows[0]!.id, duplicate: true } });

    // 5. Nothing is sent again.
    clock += 10 * 24 * 3600_000;
    expect(await outbox.flush(fetch, [`${r.url}/reports`], now)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await store.list()).toHaveLength(1);
  });

  it('sends exactly the previewed bytes and headers', async () => {
    const idb = services();
    const report = sampleReport();
    let seen: { body: string; key: string | undefined; cookie: string | undefined } | null = null;
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      seen = { body: Buffer.concat(chunks).toString('utf8'), key: req.headers['idempotency-key'] as string, cookie: req.headers.cookie };
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"7","duplicate":false}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const outbox = new Outbox(idb);
    cleanups.push(() => outbox.close());
    await outbox.submit(report, { now: 0 });
    await outbox.flush(fetch, [`http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`], () => 1);
    expect(seen).toEqual({ body: previewReport(report).json, key: report.idempotencyKey, cookie: undefined });
    expect(await outbox.get(report.idempotencyKey)).toMatchObject({ status: 'sent', receipt: { id: '7', duplicate: false } });
  });

  it('marks a report the receiver refuses for good as failed-permanent with the server message', async () => {
    const { receiver: r } = await receiver();
    const original = sampleReport();
    expect((await post(r.url, original)).status).toBe(201);
    // The same key with a different body: the receiver refuses it (422 idempotency-key-reused).
    const clash = { ...original, text: '改过的内容' };
    const outbox = new Outbox(services());
    cleanups.push(() => outbox.close());
    await outbox.submit(clash, { now: 0 });
    expect(await outbox.flush(fetch, [`${r.url}/reports`], () => 1)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const entry = await outbox.get(clash.idempotencyKey);
    expect(entry?.status).toBe('failed-permanent');
    expect(entry?.failureReason).toMatch(/^HTTP 422: idempotency-key-reused — idempotencyKey: report \d+ was already received/);
    // Kept, with the user's text, so it can be fixed and sent as a new report.
    expect(entry?.report.text).toBe('改过的内容');
  });

  it('retries after a 429, no sooner than Retry-After', async () => {
    const { receiver: r } = await receiver({ capacity: 1, refillPerSecond: 0.01 });
    expect((await post(r.url, sampleReport())).status).toBe(201);
    const outbox = new Outbox(services());
    cleanups.push(() => outbox.close());
    const report = sampleReport();
    await outbox.submit(report, { now: 0 });
    const t = Date.now();
    expect(await outbox.flush(fetch, [`${r.url}/reports`], () => t)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const entry = await outbox.get(report.idempotencyKey);
    expect(entry?.lastError).toMatch(/^HTTP 429/);
    // Retry-After is about 100 s here (1 token at 0.01/s), longer than the first backoff (15–30 s).
    expect(entry!.nextAttemptAt - t).toBeGreaterThanOrEqual(90_000);
  });

  it('takes over a report left "sending" by a crash once its claim lapses', async () => {
    const { receiver: r, store } = await receiver();
    const idb = services();
    const outbox = new Outbox(idb);
    cleanups.push(() => outbox.close());
    const report = sampleReport();
    await outbox.submit(report, { now: 0 });
    // As if a service worker claimed it and was killed mid-request.
    await outbox.db.outbox.update(report.idempotencyKey, { status: 'sending', attempts: 1, nextAttemptAt: 1000 + SENDING_LEASE_MS });
    expect(await outbox.flush(fetch, [`${r.url}/reports`], () => 1000)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await outbox.flush(fetch, [`${r.url}/reports`], () => 1000 + SENDING_LEASE_MS)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await store.list()).toHaveLength(1);
  });

  it('two flushes at once send a report once', async () => {
    const { receiver: r } = await receiver();
    let posts = 0;
    const counting: typeof fetch = (input, init) => (posts++, fetch(input, init));
    const idb = services();
    const a = new Outbox(idb);
    const b = new Outbox(idb);
    cleanups.push(() => a.close(), () => b.close());
    for (let i = 0; i < 5; i++) await a.submit(sampleReport(), { now: 0 });
    const [x, y] = await Promise.all([a.flush(counting, [`${r.url}/reports`], () => 1), b.flush(counting, [`${r.url}/reports`], () => 1)]);
    expect(x.sent + y.sent).toBe(5);
    expect(posts).toBe(5);
  });
});
