import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/reports/build-report';
import { parseRetryAfter, retryDelay, BACKOFF } from '../../../src/reports/backoff';
import { checkEndpoint, sendReport } from '../../../src/reports/send-report';

const report = buildReport({
  category: 'price-fraud', text: '先涨后降', lang: 'zh-CN', page: { url: 'https://a.example/', title: 'A' }, now: 0,
  uuid: () => '11111111-2222-4333-8444-555555555555',
});

// A real server answering /<status>?body=…&retry=… as asked, to check how each answer is classified.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (url.searchParams.has('retry')) headers['retry-after'] = url.searchParams.get('retry')!;
    req.resume();
    res.writeHead(Number(url.pathname.slice(1)), headers).end(url.searchParams.get('body') ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (path: string) => sendReport(fetch, `${base}/${path}`, report, 0);

describe('sendReport classifies answers', () => {
  it('2xx → delivered, with the receipt id', async () => {
    expect(await send('201?body=' + encodeURIComponent('{"id":"12","duplicate":false}'))).toEqual({ type: 'delivered', receiptId: '12', duplicate: false });
    expect(await send('200?body=' + encodeURIComponent('{"id":3,"duplicate":true}'))).toEqual({ type: 'delivered', receiptId: '3', duplicate: true });
    expect(await send('204')).toEqual({ type: 'delivered', receiptId: '', duplicate: false });
  });

  it('409 "duplicate" → delivered; any other 409 → permanent', async () => {
    expect(await send('409?body=' + encodeURIComponent('{"error":"duplicate","id":"5"}'))).toEqual({ type: 'delivered', receiptId: '5', duplicate: true });
    expect(await send('409?body=' + encodeURIComponent('{"error":"conflict"}'))).toEqual({ type: 'permanent', reason: 'HTTP 409: conflict' });
  });

  it('other 4xx → permanent, with the server message', async () => {
    const body = JSON.stringify({ error: 'invalid-report', details: [{ path: 'text', message: 'must be a string' }] });
    expect(await send('422?body=' + encodeURIComponent(body))).toEqual({ type: 'permanent', reason: 'HTTP 422: invalid-report — text: must be a string' });
    expect(await send('404?body=not%20here')).toEqual({ type: 'permanent', reason: 'HTTP 404: not here' });
  });

  it('408, 429, 5xx and network errors → retry, with Retry-After', async () => {
    expect(await send('429?retry=120')).toEqual({ type: 'retry', reason: 'HTTP 429', retryAfterMs: 120_000 });
    expect(await send('408')).toMatchObject({ type: 'retry' });
    expect(await send('500?body=boom')).toEqual({ type: 'retry', reason: 'HTTP 500: boom', retryAfterMs: null });
    expect(await send('503')).toMatchObject({ type: 'retry' });
    expect(await sendReport(fetch, 'http://127.0.0.1:1/reports', report, 0)).toMatchObject({ type: 'retry', reason: expect.stringMatching(/^network error/) });
  });
});

describe('endpoints', () => {
  it('must be https, or http on loopback', () => {
    expect(checkEndpoint('https://reports.example.org/reports').href).toBe('https://reports.example.org/reports');
    expect(checkEndpoint('http://127.0.0.1:8787/reports').port).toBe('8787');
    expect(() => checkEndpoint('http://reports.example.org/reports')).toThrow(/https/);
    expect(() => checkEndpoint('ftp://127.0.0.1/')).toThrow(/https/);
    expect(() => checkEndpoint('not a url')).toThrow(/not a URL/);
  });
});

describe('backoff', () => {
  it('doubles from 30 s with jitter, never immediate, capped at 6 h', () => {
    expect(retryDelay(1, () => 0)).toBe(15_000);
    expect(retryDelay(1, () => 1)).toBe(30_000);
    expect(retryDelay(3, () => 0.5)).toBe(90_000);
    expect(retryDelay(50, () => 1)).toBe(BACKOFF.capMs);
    expect(retryDelay(50, () => 0)).toBe(BACKOFF.capMs / 2);
    const delays = Array.from({ length: 12 }, (_, i) => retryDelay(i + 1, () => 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });

  it('honours a longer Retry-After, within the cap', () => {
    expect(retryDelay(1, () => 0, 600_000)).toBe(600_000);
    expect(retryDelay(1, () => 0, 10 ** 12)).toBe(BACKOFF.capMs);
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});
