import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_ACTIONS } from '../../../src/feed/list-meta';
import { parseBlacklistLeaf } from '../../../src/feed/records';
import { parsePublicKey } from '../../../src/feed/signature';
import { main } from '../../../src/tools/cli/liangzhao';
import { dirTransport } from '../../../src/tools/feed/dir-transport';
import { verifyFeed } from '../../../src/tools/feed/verify-feed';
import { FIXTURES, TEST_PUBKEY, build, tempDir } from './helpers';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
};
const KEY = join(FIXTURES, 'test-key.json');
const SAMPLE = join(FIXTURES, 'blacklist.csv');

describe('list metadata: the keeper says what each list\'s entries do', () => {
  it('by default: every list has its action, and a small domain list is published whole, sorted, and verifies', async () => {
    const out = tempDir('meta');
    const { manifest } = await build(out, { blacklist: [SAMPLE], version: 1 });
    const lists = manifest.lists!;
    expect(Object.fromEntries(Object.entries(lists).map(([l, m]) => [l, m.action]))).toEqual(DEFAULT_LIST_ACTIONS);
    const ref = lists['fraud-domain']!.domains!;
    expect(ref.count).toBe(2);
    const records = parseBlacklistLeaf(readFileSync(join(out, ref.file)));
    expect(records.map((r) => r.id)).toEqual(['fake-gsxt.example.com', 'shop-cert.example.com']);
    expect(records[0]).toMatchObject({ list: 'fraud-domain', idType: 'domain', reason: '仿冒国家企业信用信息公示系统的钓鱼网站', authority: '国家互联网应急中心', listedOn: '2024-01-10' });
    // Lists without domain entries get no file, and say they hold none (no document_start check for them).
    expect(lists['serious-dishonest']).toEqual({ action: 'block', domainCount: 0 });
    expect(lists['fraud-domain']!.domainCount).toBe(2);
    expect((await verifyFeed(dirTransport(out), parsePublicKey(TEST_PUBKEY))).problems).toEqual([]);
  });

  it('from the command line: --list-action decides, --domain-file-max keeps big lists to hashes; a new version keeps the choices', async () => {
    const dir = tempDir('meta-cli');
    const c = io();
    expect(await main(['feed', 'build', '--key', KEY, '--out', join(dir, 'a'), '--version', '1', '--blacklist', SAMPLE, '--list-action', 'fraud-domain=mark', '--list-action', 'court-dishonest=block', '--domain-file-max', '1'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/court-dishonest block, fraud-domain mark,/);
    const a = JSON.parse(JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8')).payload);
    // Past --domain-file-max: no file, and the count says its domains are left to the lookup.
    expect(a.lists['fraud-domain']).toEqual({ action: 'mark', domainCount: 2 });
    expect(a.lists['court-dishonest']).toEqual({ action: 'block', domainCount: 0 });
    const b = await build(join(dir, 'b'), { blacklist: [SAMPLE], version: 2, previous: join(dir, 'a') });
    expect(b.manifest.lists!['fraud-domain']!.action).toBe('mark');
    expect(b.manifest.lists!['court-dishonest']!.action).toBe('block');
    expect(b.manifest.lists!['fraud-domain']!.domains?.count).toBe(2);

    const bad = io();
    expect(await main(['feed', 'build', '--key', KEY, '--out', join(dir, 'x'), '--blacklist', SAMPLE, '--list-action', 'fraud-domain=hide'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/the action must be one of block, mark, inform/);
    expect(await main(['feed', 'build', '--key', KEY, '--out', join(dir, 'x'), '--blacklist', SAMPLE, '--list-action', 'phishing=block'], io().io)).toBe(2);
  });

  it('verify refuses an altered domain file', async () => {
    const out = tempDir('meta-tamper');
    const { manifest } = await build(out, { blacklist: [SAMPLE], version: 1 });
    const file = join(out, manifest.lists!['fraud-domain']!.domains!.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('shop-cert.example.com', 'shop-cert.example.net'));
    const report = await verifyFeed(dirTransport(out), parsePublicKey(TEST_PUBKEY));
    expect(report.problems.join('\n')).toMatch(/lists\.fraud-domain\.domains: .*does not match its SHA-256/);
  });
});
