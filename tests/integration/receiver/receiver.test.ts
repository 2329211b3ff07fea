import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/tools/receiver/sqlite-store';
import { MAX_BODY_BYTES, startReceiver, type RunningReceiver } from '../../../src/tools/receiver/server';
import type { ReportStore } from '../../../src/tools/receiver/report-store';
import { post, sampleReport, tempDb } from './fixtures';

const running: { receiver: RunningReceiver; store: ReportStore }[] = [];

async function start(file = tempDb(), rateLimit = { capacity: 1000, refillPerSecond: 1000 }) {
  const store = await openSqliteStore(file);
  const receiver = await startReceiver({ store, port: 0, rateLimit });
  running.push({ receiver, store });
  return { receiver, store, file };
}

async function stop(entry: { receiver: RunningReceiver; store: ReportStore }) {
  await entry.receiver.close();
  await entry.store.close();
  running.splice(running.indexOf(entry), 1);
}

afterEach(async () => {
  for (const entry of [...running]) await stop(entry);
});

/** Sends raw bytes and returns the status line and body the server answered, or the socket error. */
function raw(port: number, head: string, body: Buffer | string, opts: { chunked?: boolean } = {}): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('error', (e) => resolve(data ? parse(data) : { error: e.message }));
    socket.on('close', () => resolve(data ? parse(data) : { error: 'closed without answer' }));
    socket.on('connect', () => {
      socket.write(head);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      if (!opts.chunked) return void socket.write(bytes);
      // Chunked: 64 KiB pieces, so the server sees the limit crossed mid-stream.
      for (let i = 0; i < bytes.length && !socket.destroyed; i += 65536) {
        const piece = bytes.subarray(i, i + 65536);
        socket.write(`${piece.length.toString(16)}\r\n`);
        socket.write(piece);
        socket.write('\r\n');
      }
      if (!socket.destroyed) socket.write('0\r\n\r\n');
    });
  });
  function parse(text: string) {
    const status = Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
    return { status, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
  }
}

describe('receiver: POST /reports', () => {
  it('stores a valid report once and answers 201 with its id', async () => {
    const { receiver, store } = await start();
    const report = sampleReport();
    const res = await post(receiver.url, report, { 'idempotency-key': report.idempotencyKey });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await store.get(res.json.id as string);
    expect(stored?.report).toEqual(report);
    expect(stored?.status).toBe('new');
  });

  it('refuses malformed JSON with 400 and a clear error', async () => {
    const { receiver, store } = await start();
    const res = await post(receiver.url, '{"schema": 1, "kind": ');
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('malformed-json');
    expect(res.json.details).toEqual([{ path: '(body)', message: expect.stringMatching(/JSON/) }]);
    expect(await store.list()).toHaveLength(0);
  });

  it('refuses wrong types with 422 listing each field', async () => {
    const { receiver, store } = await start();
    const bad = { ...sampleReport(), schema: '1', category: 'scam', text: 42, evidence: { ...sampleReport().evidence, identifiers: 'none' }, extra: true };
    const res = await post(receiver.url, bad);
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('invalid-report');
    const paths = (res.json.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['schema', 'category', 'text', 'evidence.identifiers', 'extra']));
    for (const body of ['[]', 'null', '"report"', '42']) {
      const r = await post(receiver.url, body);
      expect(r.status, body).toBe(422);
      expect(r.json.details).toEqual([{ path: '(body)', message: 'must be an object' }]);
    }
    expect(await store.list()).toHaveLength(0);
  });

  it('refuses a body that is not JSON by content type with 415', async () => {
    const { receiver } = await start();
    const res = await fetch(`${receiver.url}/reports`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(sampleReport()) });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported-media-type');
  });

  it('refuses a declared oversized body with 413 before reading it', async () => {
    const { receiver, store } = await start();
    const size = MAX_BODY_BYTES + 1;
    const res = await raw(receiver.port, `POST /reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`, '{"a":');
    expect(res).toMatchObject({ status: 413 });
    expect(JSON.parse((res as { body: string }).body).error).toBe('payload-too-large');
    expect(await store.list()).toHaveLength(0);
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    const { receiver, store } = await start();
    const huge = Buffer.alloc(MAX_BODY_BYTES * 3, 'a');
    const res = await raw(receiver.port, 'POST /reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', huge, { chunked: true });
    // The server answers as soon as the limit is crossed; the client may see a reset after that answer.
    expect(res).toMatchObject({ status: 413 });
    expect(await store.list()).toHaveLength(0);
    // Still healthy afterwards.
    expect((await fetch(`${receiver.url}/healthz`)).status).toBe(200);
  });

  it('accepts a report with a screenshot near the cap (under 2 MB in all)', async () => {
    const { receiver } = await start();
    const png = Buffer.alloc(1_000_000);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    const report = sampleReport({ screenshot: `data:image/png;base64,${png.toString('base64')}` });
    const res = await post(receiver.url, report);
    expect(res.status).toBe(201);
  });

  it('dedupes by idempotency key: the same report twice is one row, and the original id comes back', async () => {
    const { receiver, store } = await start();
    const report = sampleReport();
    const first = await post(receiver.url, report, { 'idempotency-key': report.idempotencyKey });
    // Key order differs on the retry: still the same report.
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    const second = await post(receiver.url, reordered);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ id: first.json.id, duplicate: true });
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses a different report under a used key with 422 and keeps the first', async () => {
    const { receiver, store } = await start();
    const report = sampleReport();
    const first = await post(receiver.url, report);
    const other = await post(receiver.url, { ...report, text: '另一份举报' });
    expect(other.status).toBe(422);
    expect(other.json.error).toBe('idempotency-key-reused');
    const rows = await store.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first.json.id);
    expect(rows[0]!.report.text).toBe(report.text);
  });

  it('refuses a header key that differs from the body key', async () => {
    const { receiver, store } = await start();
    const res = await post(receiver.url, sampleReport(), { 'idempotency-key': crypto.randomUUID() });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('idempotency-key-mismatch');
    expect(await store.list()).toHaveLength(0);
  });

  it('rate-limits a flood from one client with 429 and Retry-After', async () => {
    const { receiver, store } = await start(tempDb(), { capacity: 5, refillPerSecond: 0.1 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await post(receiver.url, sampleReport());
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    const accepted = statuses.filter((s) => s === 201).length;
    // A burst of 5, plus at most a token or two refilled while the loop ran (one per 10 s).
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(7);
    expect(statuses.filter((s) => s === 429).length).toBe(30 - accepted);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await store.list()).toHaveLength(accepted);
  });

  it('answers unknown paths and methods with JSON errors', async () => {
    const { receiver } = await start();
    expect((await fetch(`${receiver.url}/nope`)).status).toBe(404);
    const get = await fetch(`${receiver.url}/reports`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const health = await fetch(`${receiver.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, schema: 1 });
  });

  it('keeps data and dedupes across a restart with the same database', async () => {
    const first = await start();
    const report = sampleReport();
    const sent = await post(first.receiver.url, report);
    expect(sent.status).toBe(201);
    await stop(first);

    const second = await start(first.file);
    expect((await second.store.list()).map((r) => r.idempotencyKey)).toEqual([report.idempotencyKey]);
    const again = await post(second.receiver.url, report);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ id: sent.json.id, duplicate: true });
    expect(await second.store.list()).toHaveLength(1);
  });

  it('answers CORS preflight for the extension', async () => {
    const { receiver } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${receiver.url}/reports`, { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST' } }, (res) => {
        res.resume();
        expect(res.headers['access-control-allow-headers']).toContain('idempotency-key');
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(204);
  });
});
