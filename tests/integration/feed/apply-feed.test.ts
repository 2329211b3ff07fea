import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, parseHtmlDocument } from '../../../src/tools/cli/parse-html';
import { lookupInFeed, type ApplyFeedOptions, type FeedSource } from '../../../src/tools/feed/apply-feed';
import type { Lang } from '../../../src/i18n/lang';
import type { PageFacts } from '../../../src/scan/facts';
import { scanPage } from '../../../src/scan/scan-page';
import type { Verdict } from '../../../src/types';
import { judge } from '../../../src/verdict/judge';
import { FIXTURES, TEST_PUBKEY, build, tempDir } from './helpers';

/** A page's facts with a verdict (the page rules', or with the feed's lookups once applied). */
type Scanned = PageFacts & { verdict: Verdict };

const DEMO = join(FIXTURES, '../demo');
function scanDemo(name: string, url = `https://shop.example.com/${name}`): Scanned {
  const facts = scanPage(parseHtmlDocument(decodeHtml(readFileSync(join(DEMO, name))).text), { url });
  return { ...facts, verdict: judge(facts, { lang: 'zh-CN' }).verdict };
}

/** What the CLI's `scan --feed` does: the feed's lookups for the page, judged with the page's facts. */
async function applyFeed(scan: Scanned, source: FeedSource, opts: ApplyFeedOptions & { lang?: Lang }): Promise<Scanned> {
  const lookups = await lookupInFeed(scan, source, opts);
  return { ...scan, verdict: judge(scan, { lang: opts.lang ?? 'zh-CN', lookups }).verdict };
}

const emptyScan = (over: Partial<Scanned>): Scanned => ({ url: 'https://x.example.org/', identifiers: [], licenses: [], badges: [], store: null, verdict: { level: 'none', findings: [] }, ...over });
const codes = (r: Scanned) => r.verdict.findings.map((f) => f.code);
let feed: string;

beforeAll(async () => {
  feed = join(tempDir('apply'), 'feed');
  await build(feed, { blacklist: [join(FIXTURES, 'blacklist.csv')], entities: [join(FIXTURES, 'entities.csv')], version: 1 });
});

describe('lookupInFeed, judged', () => {
  it('borrowed-license demo: the shown name is not the registered name of its USCC → name-mismatch (danger)', async () => {
    const scan = scanDemo('borrowed-license.html');
    const r = await applyFeed(scan, feed, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z') });
    const f = r.verdict.findings.find((x) => x.code === 'name-mismatch');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('danger');
    expect(f!.params).toMatchObject({ shown: '杭州优品家居有限公司', official: '杭州瑞丰机械设备有限公司', uscc: '91330106MA2H3P7L4H' });
    expect(f!.message).toContain('杭州瑞丰机械设备有限公司');
    expect(r.verdict.level).toBe('danger');
    // Page findings are kept.
    for (const f of scan.verdict.findings) expect(codes(r)).toContain(f.code);
  });

  it('clean-shop demo: a matching name and a red list give info only; the level stays ok', async () => {
    const scan = scanDemo('clean-shop.html');
    const r = await applyFeed(scan, feed, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z') });
    expect(codes(r)).toEqual(['redlisted']);
    expect(r.verdict.level).toBe(scan.verdict.level === 'none' ? 'ok' : scan.verdict.level);
  });

  it('spoofed-badge demo: blacklisted (community report), revoked (吊销) and credit C, each naming its evidence', async () => {
    const r = await applyFeed(scanDemo('spoofed-badge.html'), feed, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z'), lang: 'en' });
    const bl = r.verdict.findings.find((f) => f.code === 'blacklisted')!;
    expect(bl.params).toMatchObject({ listCode: 'community', authority: '亮照卫士社区审核组', date: '2024-05-20', source: 'https://reports.liangzhao.example/r/2024-0520-01' });
    expect(bl.message).toContain('reviewed user reports');
    expect(bl.evidence).toContain('91440300MA5G8N2T36');
    expect(r.verdict.findings.find((f) => f.code === 'deregistered')!.params.statusCode).toBe('吊销');
    expect(r.verdict.findings.find((f) => f.code === 'credit-low')!.params.level).toBe('C');
  });

  it('domains, ICP and 公安备案 numbers, 注册号; abnormal operation is a warning', async () => {
    const scan = emptyScan({
      url: 'https://www.shop.fake-gsxt.example.com/item/1',
      identifiers: [
        { kind: 'icp-filing', value: '京ICP备2019999999号-3', valid: true, problems: [], label: 'ICP备案号', source: 'text', evidence: '京ICP备2019999999号-3', count: 1 },
        { kind: 'psb-filing', value: '粤公网安备44030502999999号', valid: true, problems: [], label: '公安备案', source: 'text', evidence: '粤公网安备 44030502999999号', count: 1 },
        { kind: 'regno', value: '110105001234562', valid: true, problems: [], label: '注册号', source: 'text', evidence: '注册号 110105001234562', count: 1 },
        { kind: 'uscc', value: '91500103MA5U6W7X8L', valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: '91500103MA5U6W7X8L', count: 1 },
      ],
    });
    const r = await applyFeed(scan, feed, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z') });
    const byList = r.verdict.findings.filter((f) => f.code === 'blacklisted').map((f) => `${f.params.kind}:${f.params.listCode}`).sort();
    expect(byList).toEqual(['domain:fraud-domain', 'icp:community', 'psb:community', 'regno:court-dishonest']);
    const ab = r.verdict.findings.find((f) => f.code === 'abnormal-operation')!;
    expect(ab.severity).toBe('warning');
    expect(ab.params.reason).toBe('通过登记的住所或者经营场所无法联系');
    expect(r.verdict.level).toBe('danger');
  });

  it('a stale feed still applies but says so; an unsigned or wrongly signed feed is refused', async () => {
    const scan = scanDemo('clean-shop.html');
    const r = await applyFeed(scan, feed, { publicKey: TEST_PUBKEY, now: Date.parse('2025-06-01T00:00:00Z'), staleAfterDays: 14 });
    expect(codes(r)).toContain('lists-stale');
    await expect(applyFeed(scan, feed, { publicKey: 'B'.repeat(43) + '=' })).rejects.toThrow(/signature/);
  });

  it('reads a feed over http(s), and applying twice does not duplicate findings', async () => {
    const server = createServer((req, res) => {
      try {
        res.end(readFileSync(join(feed, new URL(req.url!, 'http://x').pathname)));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const once = await applyFeed(scanDemo('borrowed-license.html'), url, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z') });
      const twice = await applyFeed(once, url, { publicKey: TEST_PUBKEY, now: Date.parse('2025-01-02T00:00:00Z') });
      expect(codes(twice).filter((c) => c === 'name-mismatch')).toHaveLength(1);
      expect(codes(twice)).toEqual(codes(once));
    } finally {
      server.close();
    }
  });
});
