import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/tools/cli/liangzhao';
import { dirTransport } from '../../../src/tools/feed/dir-transport';
import { diffFeeds } from '../../../src/tools/feed/diff-feed';
import { parsePublicKey } from '../../../src/feed/signature';
import { verifyFeed } from '../../../src/tools/feed/verify-feed';
import { FIXTURES, TEST_PUBKEY, blacklistCsv, build, tempDir, usccOf } from './helpers';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
};

describe('feed build → verify → diff', () => {
  it('builds the fixture feed with GBK input, reports every bad row by line, and verifies', async () => {
    const out = tempDir('build');
    const c = io();
    const code = await main(
      ['feed', 'build', '--key', join(FIXTURES, 'test-key.json'), '--out', out, '--version', '3',
        '--blacklist', join(FIXTURES, 'blacklist.csv'), '--blacklist', join(FIXTURES, 'blacklist-gbk.csv'), '--blacklist', join(FIXTURES, 'blacklist-bad.csv'),
        '--entities', join(FIXTURES, 'entities.csv')],
      c.io,
    );
    expect(code).toBe(0);
    const errs = c.err.join('\n');
    expect(errs).toContain('blacklist-gbk.csv: read as GBK');
    expect(errs).toMatch(/blacklist-gbk\.csv:4: skipped: id "bad-row-here" is not a valid uscc/);
    for (const line of [3, 4, 5, 6, 9, 10, 11]) expect(errs).toMatch(new RegExp(`blacklist-bad\\.csv:${line}: skipped`));
    expect(errs).not.toMatch(/blacklist-bad\.csv:(2|7|8):/);
    // 8 fixture rows + 2 GBK rows + 2 bad-file rows (line 2 and the later of the duplicated 7/10).
    expect(c.out.join('')).toContain('12 blacklist keys');
    const report = await verifyFeed(dirTransport(out), parsePublicKey(TEST_PUBKEY));
    expect(report.problems).toEqual([]);
    expect(report.manifest?.version).toBe(3);
    expect(report.manifest?.entities.count).toBe(9);

    const v = io();
    expect(await main(['feed', 'verify', out, '--pubkey', TEST_PUBKEY], v.io)).toBe(0);
    expect(v.out.join('\n')).toContain('OK');
  });

  it('verify fails on a tampered file, a wrong key and a tampered manifest', async () => {
    const out = tempDir('tamper');
    const csv = blacklistCsv(out, 'b.csv', [1, 2, 3]);
    await build(join(out, 'feed'), { blacklist: [csv], version: 1 });
    const feed = join(out, 'feed');
    const wrong = io();
    expect(await main(['feed', 'verify', feed, '--pubkey', 'A'.repeat(43) + '='], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/signature/);

    const detailsDir = join(feed, 'blacklist/details');
    const leaf = join(detailsDir, readdirSync(detailsDir)[0]!);
    writeFileSync(leaf, readFileSync(leaf, 'utf8').replace('测试原因1', '测试原因X'));
    const r = await verifyFeed(dirTransport(feed), parsePublicKey(TEST_PUBKEY));
    expect(r.problems.join('\n')).toMatch(/does not match its SHA-256/);

    const manifest = join(feed, 'manifest.json');
    const original = readFileSync(manifest, 'utf8');
    const forged = original.replace('\\"version\\":1,', '\\"version\\":2,');
    expect(forged).not.toBe(original);
    writeFileSync(manifest, forged);
    const m = await verifyFeed(dirTransport(feed), parsePublicKey(TEST_PUBKEY));
    expect(m.manifest).toBeNull();
    expect(m.problems[0]).toMatch(/signature does not match/);
  });

  it('a new version built on --previous carries a delta, and diff lists the changes', async () => {
    const dir = tempDir('delta');
    const ids = Array.from({ length: 400 }, (_, i) => i);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await build(a, { blacklist: [blacklistCsv(dir, 'a.csv', ids)], version: 10, shardBits: 3 });
    const next = [...ids.filter((i) => i !== 7 && i !== 8), 1000, 1001, 1002];
    const built = await build(b, { blacklist: [blacklistCsv(dir, 'b.csv', next)], version: 11, previous: a });
    expect(built.manifest.blacklist.shardBits).toBe(3);
    expect(built.manifest.blacklist.deltas).toHaveLength(1);
    const delta = built.manifest.blacklist.deltas[0]!;
    expect([delta.from, delta.to, delta.count]).toEqual([10, 11, 5]);
    expect(delta.bytes).toBe(12 + 5 * 8);
    const d = await diffFeeds(dirTransport(a), dirTransport(b), parsePublicKey(TEST_PUBKEY));
    expect(d.blacklist.added.map((r) => r.id).sort()).toEqual([usccOf(1000), usccOf(1001), usccOf(1002)].sort());
    expect(d.blacklist.removed.map((r) => r.id).sort()).toEqual([usccOf(7), usccOf(8)].sort());

    // A third version keeps the older delta, so a client at 10 can chain 10→11→12.
    const c = join(dir, 'c');
    const third = await build(c, { blacklist: [blacklistCsv(dir, 'c.csv', [...next, 2000])], version: 12, previous: b });
    expect(third.manifest.blacklist.deltas.map((x) => `${x.from}-${x.to}`)).toEqual(['11-12', '10-11']);
    expect((await verifyFeed(dirTransport(c), parsePublicKey(TEST_PUBKEY))).problems).toEqual([]);

    const text = io();
    expect(await main(['feed', 'diff', a, b], text.io)).toBe(0);
    expect(text.out.join('\n')).toMatch(/\+ blacklist \(3\)/);
  });

  it('keygen writes a key that builds a verifiable feed, and refuses to overwrite it', async () => {
    const dir = tempDir('keygen');
    const c = io();
    expect(await main(['feed', 'keygen', '--out', join(dir, 'key.json')], c.io)).toBe(0);
    const pub = /public key.*: (\S+)/.exec(c.out.join('\n'))![1]!;
    expect(await main(['feed', 'keygen', '--out', join(dir, 'key.json')], io().io)).toBe(1);
    const csv = blacklistCsv(dir, 'b.csv', [1]);
    expect(await main(['feed', 'build', '--key', join(dir, 'key.json'), '--out', join(dir, 'f'), '--blacklist', csv], io().io)).toBe(0);
    expect(await main(['feed', 'verify', join(dir, 'f'), '--pubkey', pub], io().io)).toBe(0);
    expect(await main(['feed', 'verify', join(dir, 'f'), '--pubkey', TEST_PUBKEY], io().io)).toBe(1);
  });
});
