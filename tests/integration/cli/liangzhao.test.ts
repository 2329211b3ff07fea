import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'lz-cli-'));
const page = join(dir, 'shop.html');
writeFileSync(
  page,
  `<html><head><meta charset="utf-8"></head><body><h2>营业执照信息</h2><p>企业名称：广州某某科技有限公司</p>
   <p>统一社会信用代码：91440101681325547Y</p><p>法定代表人：张三</p>
   <a href="http://fake-gsxt.example.net/v"><img alt="电子营业执照亮照" src="x.png"></a></body></html>`,
);

describe('liangzhao scan', () => {
  it('prints exactly one JSON object in the documented shape', async () => {
    const { code, out } = await run('scan', page, '--url', 'https://shop.example.cn/', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // `encoding` was added by issue 15 (additive: the fields before it are unchanged).
    expect(Object.keys(json)).toEqual(['url', 'identifiers', 'licenses', 'badges', 'verdict', 'encoding']);
    expect(json.url).toBe('https://shop.example.cn/');
    expect(json.identifiers[0]).toMatchObject({ kind: 'uscc', value: '91440101681325547Y', valid: true, problems: [], label: '统一社会信用代码', source: 'text' });
    expect(json.identifiers[0].evidence).toContain('统一社会信用代码：91440101681325547Y');
    expect(json.licenses[0]).toMatchObject({ name: '广州某某科技有限公司', uscc: '91440101681325547Y', regno: null, legalRepresentative: '张三' });
    expect(json.badges[0]).toMatchObject({ href: 'http://fake-gsxt.example.net/v', official: false, embedded: [] });
    expect(json.verdict.level).toBe('danger');
    expect(json.verdict.findings[0]).toMatchObject({ code: 'badge-spoofed', severity: 'danger' });
    expect(JSON.stringify(json)).not.toContain('"ref"');
  });

  it('prints a readable Chinese report without --json', async () => {
    const { code, out } = await run('scan', page);
    expect(code).toBe(0);
    expect(out).toContain('结论: 高风险');
    expect(out).toContain('统一社会信用代码  91440101681325547Y  有效');
  });

  it('scans a page over HTTP, decoding GBK', async () => {
    const gbk = Buffer.from([0xcd, 0xb3, 0xd2, 0xbb, 0xc9, 0xe7, 0xbb, 0xe1, 0xd0, 0xc5, 0xd3, 0xc3, 0xb4, 0xfa, 0xc2, 0xeb]); // 统一社会信用代码
    const body = Buffer.concat([Buffer.from('<html><body><p>'), gbk, Buffer.from(':91440101681325547Y</p></body></html>')]);
    const server = createServer((req, res) => {
      if (req.url !== '/p') {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/p`;
      const { code, out } = await run('scan', url, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out).identifiers[0]).toMatchObject({ value: '91440101681325547Y', label: '统一社会信用代码' });
      const missing = await run('scan', url.replace('/p', '/none'), '--json');
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('HTTP 404');
    } finally {
      server.close();
    }
  });

  it('applies a signed feed with --feed and refuses one signed by another key', async () => {
    // @ts-expect-error: a plain .mjs fixture script without types
    const { buildSample, SAMPLE } = await import('../../fixtures/feed/build-sample.mjs');
    const feed = join(dir, 'feed');
    await buildSample(feed);
    const demo = join(import.meta.dirname, '../../fixtures/demo/borrowed-license.html');
    const ok = await run('scan', demo, '--url', 'https://demo.example.cn/', '--json', '--feed', feed, '--pubkey', SAMPLE.publicKey);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).verdict.findings.map((f: { code: string }) => f.code)).toContain('name-mismatch');
    const other = Buffer.alloc(32, 7).toString('base64');
    const refused = await run('scan', demo, '--json', '--feed', feed, '--pubkey', other);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the feed was refused');
    expect(refused.out).toBe('');
    const noKey = await run('scan', demo, '--feed', feed);
    expect(noKey.code).toBe(2);
  });

  it('reads a fragment or plain text as a page instead of failing', async () => {
    const frag = join(dir, 'fragment.txt');
    writeFileSync(frag, '店铺信息 统一社会信用代码：91440101681325547Y 客服 020-12345678');
    const { code, out } = await run('scan', frag, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).identifiers.map((i: { value: string }) => i.value)).toEqual(['91440101681325547Y']);
  });

  it('refuses unreadable input with a clear message and a non-zero exit', async () => {
    const missing = await run('scan', join(dir, 'nope.html'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/无法读取文件 .*nope\.html/);
    const directory = await run('scan', dir);
    expect(directory.code).toBe(1);
    const unreachable = await run('scan', 'http://127.0.0.1:1/');
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/could not fetch/);
    const usage = await run('scan');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: liangzhao scan');
  });
});
