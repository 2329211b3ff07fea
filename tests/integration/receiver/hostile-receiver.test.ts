import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { validateReport } from '../../../src/reports/validate-report';
import { main } from '../../../src/tools/cli/liangzhao';
import { bodyHash } from '../../../src/tools/receiver/canonical-json';
import { addressKey, ClientAddresses } from '../../../src/tools/receiver/client-address';
import { openSqliteStore } from '../../../src/tools/receiver/sqlite-store';
import { startReceiver, type ReceiverOptions, type RunningReceiver } from '../../../src/tools/receiver/server';
import { countWork } from '../../unit/scan/work-meter';
import { post, sampleReport, tempDb } from './fixtures';

/** Issue 15, items 5–9: what one hostile client can do to the receiver, and what a reviewer sees. */
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function start(over: Partial<ReceiverOptions> = {}): Promise<RunningReceiver> {
  const store = await openSqliteStore(tempDb());
  const receiver = await startReceiver({ store, port: 0, rateLimit: { capacity: 1000, refillPerSecond: 100 }, ...over });
  open.push(async () => {
    await receiver.close();
    await store.close();
  });
  return receiver;
}

const withParams = (n: number) => {
  const r = sampleReport();
  const params = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
  return { ...r, evidence: { ...r.evidence, findings: [{ ...r.evidence.findings[0]!, params }] } };
};

describe('validation is linear and its answer bounded (item 5)', () => {
  it('refuses a body nested deeper, or with longer lists, than any report before parsing it', async () => {
    const receiver = await start();
    const deep = JSON.stringify({ ...sampleReport(), text: 'DEEP' }).replace('"DEEP"', '['.repeat(500_000) + ']'.repeat(500_000));
    const long = JSON.stringify({ ...sampleReport(), text: Array(100_000).fill(0) });
    expect((await post(receiver.url, deep)).json.details).toEqual([{ path: '(body)', message: 'nests deeper than 8 levels' }]);
    expect((await post(receiver.url, long)).json.details).toEqual([{ path: '(body)', message: 'has an object or array of more than 256 entries' }]);
  });

  it('ten times the keys cost at most about ten times the work, in params and at the top', () => {
    const work = (body: unknown) => countWork(() => validateReport(JSON.parse(JSON.stringify(body)))).work;
    const flood = (n: number) => ({ ...sampleReport(), ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 0])) });
    for (const make of [withParams, flood]) {
      const small = work(make(2_000));
      const big = work(make(20_000));
      expect(big / small, `${small} → ${big}`).toBeLessThan(13);
    }
  });

  it('refuses a params object of 100,000 keys as one problem, and 2 MB of unknown fields in a small reply', async () => {
    const receiver = await start();
    const res = await post(receiver.url, withParams(100_000));
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([{ path: '(body)', message: 'has an object or array of more than 256 entries' }]);
    // And the validator itself, given such an object, names it once.
    expect(validateReport(withParams(100_000))).toEqual({ ok: false, errors: [{ path: 'evidence.findings[0].params', message: 'has 100000 fields; at most 20 are allowed' }] });
    const unknown = { ...sampleReport(), ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${'k'.repeat(60_000)}${i}`, 0])) };
    const reply = await fetch(`${receiver.url}/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(unknown) });
    const text = await reply.text();
    expect(reply.status).toBe(422);
    expect(text.length).toBeLessThan(16_384);
  });
});

/** A raw connection from `localAddress` (127.0.0.x are all this machine). */
function rawSocket(url: string, localAddress = '127.0.0.1'): Promise<Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress }, () => resolve(socket));
    socket.on('error', reject);
  });
}
/** Reads what the server says (a paused socket never sees the end) until the server closes. */
const closed = (socket: Socket) =>
  new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.resume();
  });

describe('one client cannot take the receiver off the air (item 6)', () => {
  it('cuts a client that never finishes its headers, or its body, at the timeouts (checked often, not every 30 s)', async () => {
    const receiver = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const slowHeaders = await rawSocket(receiver.url);
    slowHeaders.write('POST /reports HTTP/1.1\r\nHost: x\r\n');
    const slowBody = await rawSocket(receiver.url);
    slowBody.write('POST /reports HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":');
    const t = Date.now();
    await Promise.all([closed(slowHeaders), closed(slowBody)]);
    // Node's default check every 30 s would leave them open for up to 30 s more.
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('holds at most 16 connections per address; others are still served', async () => {
    const receiver = await start();
    const held = await Promise.all(Array.from({ length: 16 }, () => rawSocket(receiver.url)));
    for (const s of held) s.write('GET /healthz HTTP/1.1\r\n');
    // The 17th from the same address is closed before a byte is read…
    const extra = await rawSocket(receiver.url);
    await closed(extra);
    // …while another address is answered.
    const health = await new Promise<number>((resolve, reject) => {
      const req = request(`${receiver.url}/healthz`, { localAddress: '127.0.0.2' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(health).toBe(200);
    for (const s of held) s.destroy();
  });
});

describe('what reviewers see is safe (item 7)', () => {
  it('never prints a control character raw in reports list and show; the CSV is safe for spreadsheets', async () => {
    const db = tempDb();
    const store = await openSqliteStore(db);
    // As a hostile client posts it (the extension's buildReport would have dropped the controls).
    const base = sampleReport({ page: { url: 'https://shop.example.cn/x', title: 't', shopName: '-2+3' } });
    const nasty = { ...base, text: 'look\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil', evidence: { ...base.evidence, title: '@SUM(1+1)\u001b[31m' } };
    const { id } = await store.insert(nasty, bodyHash(nasty), '2025-03-02T00:00:00.000Z');
    await store.review(id, 'reviewed', null, '2025-03-03T00:00:00.000Z');
    // Stored as sent.
    expect((await store.get(id))?.report.text).toBe(nasty.text);
    await store.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await main(['reports', 'list', '--db', db], io)).toBe(0);
    expect(await main(['reports', 'list', '--json', '--db', db], io)).toBe(0);
    expect(await main(['reports', 'show', id, '--db', db], io)).toBe(0);
    expect(await main(['reports', 'export', '--db', db], io)).toBe(0);
    const all = out.join('\n');
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out[0]).toContain('look\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u{202e}evil');
    const csv = out.at(-1)!;
    expect(csv).toContain(",'-2+3,");
    expect(csv).not.toMatch(/,[=+\-@]/);
  });

  it('`reports list | head` ends quietly when the reader goes away', async () => {
    const db = tempDb();
    const store = await openSqliteStore(db);
    for (let i = 0; i < 3000; i++) {
      const r = sampleReport();
      await store.insert(r, bodyHash(r), '2025-03-02T00:00:00.000Z');
    }
    await store.close();
    const script = `import { main } from ${JSON.stringify(new URL('../../../src/tools/cli/liangzhao.ts', import.meta.url).href)}; process.exitCode = await main(process.argv.slice(1));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'reports', 'list', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // `head -1`: read one chunk, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('rate limits that mean something (item 9)', () => {
  it('counts an IPv6 client by its /64, IPv4 by its address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  const req = (remote: string, xff?: string) => ({ socket: { remoteAddress: remote }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as never;

  it('believes X-Forwarded-For only from a trusted proxy, and then only its nearest untrusted hop', () => {
    const none = new ClientAddresses();
    expect(none.addressOf(req('10.0.0.5', '198.51.100.9'))).toBe('10.0.0.5');
    const proxied = new ClientAddresses(['10.0.0.0/8']);
    expect(proxied.addressOf(req('10.0.0.5', '203.0.113.1, 198.51.100.9'))).toBe('198.51.100.9');
    // A client writing its own header cannot pick its address: the proxy appends the real one.
    expect(proxied.addressOf(req('10.0.0.5', '1.1.1.1, 198.51.100.9, 10.0.0.7'))).toBe('198.51.100.9');
    // Not from the proxy: the header is ignored.
    expect(proxied.addressOf(req('198.51.100.9', '1.1.1.1'))).toBe('198.51.100.9');
  });

  it('rate-limits a whole /64 together behind a trusted proxy', async () => {
    const receiver = await start({ rateLimit: { capacity: 2, refillPerSecond: 0.001 }, trustProxy: ['127.0.0.0/8'] });
    const statuses: number[] = [];
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2::3', '2001:db8:9:9::1']) {
      statuses.push((await post(receiver.url, sampleReport(), { 'x-forwarded-for': ip })).status);
    }
    expect(statuses).toEqual([201, 201, 429, 201]);
  });
});
