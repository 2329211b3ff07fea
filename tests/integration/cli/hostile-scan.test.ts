import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';
import { MAX_PAGE_BYTES } from '../../../src/tools/cli/scan-command';
import { isPrivate } from '../../../src/tools/cli/fetch-page';
import { LAST_FILING, hostilePage } from '../../bench/hostile-pages';

/** Issue 15, items 11–13: `liangzhao scan` on pages made to hurt it. */
const dir = mkdtempSync(join(tmpdir(), 'lz-hostile-scan-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scan(...args: string[]): Promise<{ code: number; out: string; err: string; json: { verdict: { findings: { code: string; message: string }[] }; identifiers: { value: string }[]; encoding: string } | null }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['scan', ...args, '--json', '--lang', 'en'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  const text = out.join('\n');
  return { code, out: text, err: err.join('\n'), json: code === 0 ? JSON.parse(text) : null };
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const partly = (r: Awaited<ReturnType<typeof scan>>) => r.json!.verdict.findings.filter((f) => f.code === 'page-partly-read').map((f) => f.message);

describe('scan URL stops reading at the size limit (item 11)', () => {
  it('reads an endless page up to the limit, closes the connection, and judges what it read', async () => {
    let sent = 0;
    let closed = false;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><body><p>粤ICP备12345678号</p>');
      const chunk = `<p>${'新款 春季 '.repeat(2000)}</p>`;
      const more = () => {
        while (!closed && res.write(chunk)) sent += chunk.length;
        if (!closed) res.once('drain', more);
      };
      res.on('close', () => (closed = true));
      more();
    });
    const r = await scan(url);
    expect(r.code).toBe(0);
    expect(r.json!.identifiers.map((i) => i.value)).toContain('粤ICP备12345678号');
    expect(partly(r)).toEqual(['Only part of this page could be read (the page is too large); the rest was not checked']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(4 * MAX_PAGE_BYTES);
  }, 60_000);
});

describe('scan URL follows no redirect into a private network unless told to (item 11)', () => {
  it('refuses redirects to loopback, private and link-local addresses, by name or by number', async () => {
    const target = await serve((_req, res) => res.end('<!doctype html><html><body><p>粤ICP备12345678号</p></body></html>'));
    for (const to of [target, target.replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://10.1.2.3/']) {
      const from = await serve((_req, res) => res.writeHead(302, { location: to }).end());
      const r = await scan(from);
      expect(r.code, to).toBe(1);
      expect(r.err, to).toMatch(/--allow-private/);
    }
    const from = await serve((_req, res) => res.writeHead(301, { location: target }).end());
    const allowed = await scan(from, '--allow-private');
    expect(allowed.code).toBe(0);
    expect(allowed.json!.identifiers.map((i) => i.value)).toContain('粤ICP备12345678号');
  });

  it('knows which addresses are private', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) expect(isPrivate(ip), ip).toBe(true);
    for (const ip of ['1.1.1.1', '203.0.113.9', '2001:db8::1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isPrivate(ip), ip).toBe(false);
  });
});

describe('a huge or deeply nested page gets an answer (item 12)', () => {
  it('200,000 levels of nesting: judged up to 512 levels, and said so', async () => {
    const file = join(dir, 'deep.html');
    writeFileSync(file, hostilePage('nesting', 200_000));
    const r = await scan(file);
    expect(r.code).toBe(0);
    expect(partly(r)).toEqual(['Only part of this page could be read (the page nests too deep); the rest was not checked']);
  });

  it('a file over the size limit: its beginning is read and judged, and said so', async () => {
    const file = join(dir, 'big.html');
    const filler = `<p>${'新款 春季 '.repeat(1000)}</p>`;
    writeFileSync(file, `<!doctype html><html><body><p>粤ICP备12345678号</p>${filler.repeat(Math.ceil((MAX_PAGE_BYTES * 1.2) / Buffer.byteLength(filler)))}<p>${LAST_FILING}</p></body></html>`);
    const r = await scan(file);
    expect(r.code).toBe(0);
    expect(partly(r)).toEqual(['Only part of this page could be read (the page is too large); the rest was not checked']);
  }, 60_000);
});

describe('character sets (item 13)', () => {
  const html = '<html><head><title>店铺</title></head><body><p>营业执照注册号：91440101681325547Y 粤ICP备12345678号</p></body></html>';
  it.each([
    ['GBK without a declaration', iconv.encode(html, 'gbk'), 'gb18030'],
    ['UTF-16LE with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with its BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(html, 'utf16le').swap16()]), 'utf-16be'],
    ['UTF-8 without a declaration', Buffer.from(html), 'utf-8'],
  ])('%s is read, and the JSON says which encoding was used', async (name, bytes, encoding) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.html`);
    writeFileSync(file, bytes);
    const r = await scan(file);
    expect(r.code, r.err).toBe(0);
    expect(r.json!.identifiers.map((i) => i.value)).toEqual(expect.arrayContaining(['91440101681325547Y', '粤ICP备12345678号']));
    expect(r.json!.encoding).toBe(encoding);
  });
});
