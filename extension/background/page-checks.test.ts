import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DataLookups } from '../../src/feed/lookup-types';
import type { PageFacts } from '../../src/scan/facts';
import { scanSnapshot, type PageSnapshot } from '../../src/scan/snapshot';
import { DEFAULT_SETTINGS, type Settings } from '../../src/ui-model/settings';
import type { UserRules } from '../../src/verdict/user-rules';
import { NO_USER_RULES } from '../../src/verdict/user-rules';
import type { TabVerdict } from '../protocol/messages';
import { PageChecks, type PageCheckPorts } from './page-checks';
import { SnapshotUploads } from './snapshot-uploads';

const demo = (name: string) => readFileSync(new URL(`../../tests/fixtures/demo/${name}`, import.meta.url), 'utf8');
/** Not under example.com: the demo's fake badges live there, and a badge on a shop's own site is no claim. */
const URL_ = 'https://www.demo-shop.cn/item/1';

/** The page as the content script sends it: the body's outer HTML. */
function snapshotOf(html: string): PageSnapshot {
  const body = /<body[\s\S]*<\/body>/i.exec(html)?.[0] ?? `<body>${html}</body>`;
  return { parts: [{ kind: 'document', head: '<head></head>', body }], truncated: false };
}

const NO_LISTS: DataLookups = { matches: [], entities: [], status: { state: 'none', feeds: [] } };

/** The pipeline with the real engine (linkedom as the parser) and fakes for the rest, recording what it did. */
function pipeline(over: Partial<PageCheckPorts> = {}, mine: { user?: UserRules; settings?: Settings } = {}) {
  const stored: { tabId: number; verdict: TabVerdict }[] = [];
  const asked: PageFacts[] = [];
  const scanned: PageSnapshot[] = [];
  const ports: PageCheckPorts = {
    scan: async (snapshot, url) => {
      scanned.push(snapshot);
      return scanSnapshot(snapshot, (html) => parseHTML(html).document as unknown as Document, { url });
    },
    lookup: async (facts) => {
      asked.push(facts);
      return NO_LISTS;
    },
    registry: async () => [],
    readPictures: async () => [],
    userRules: async () => mine.user ?? NO_USER_RULES,
    settings: async () => ({ settings: mine.settings ?? DEFAULT_SETTINGS, lang: 'zh-CN' }),
    store: async (tabId, verdict) => void stored.push({ tabId, verdict }),
    markReading: async () => undefined,
    ...over,
  };
  return { checks: new PageChecks(ports, new SnapshotUploads()), stored, asked, scanned };
}

const codes = (r: { verdict: { findings: { code: string }[] } } | null) => r?.verdict.findings.map((f) => f.code) ?? [];

describe('PageChecks: snapshot → engine → lists → judge → stored verdict', () => {
  it('a spoofed badge: danger, stored for the tab before the answer, the panel opens by itself, locators lead back', async () => {
    const { checks, stored, asked } = pipeline();
    const { parts, truncated } = snapshotOf(demo('spoofed-badge.html'));
    const reply = await checks.check(7, { url: URL_, parts, truncated, upload: null });
    expect(reply.result?.verdict.level).toBe('danger');
    expect(codes(reply.result)).toContain('badge-spoofed');
    // Without a list, the verdict says the lists were not checked (info, not an alarm).
    expect(codes(reply.result)).toContain('lists-unavailable');
    expect(reply.autoExpand).toBe(true);
    expect(reply.stored).toBe(true);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tabId).toBe(7);
    expect(stored[0]!.verdict.result).toEqual(reply.result);
    expect(stored[0]!.verdict.url).toBe(URL_);
    // The lists were asked about the engine's facts, and every evidence ref has its locator.
    expect(asked[0]!.badges.length).toBeGreaterThan(0);
    const refs = reply.result!.verdict.findings.flatMap((f) => (f.ref === undefined ? [] : [f.ref]));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(reply.locators[ref]).toMatchObject({ part: 0 });
  });

  it('a shop with nothing wrong: ok, and the panel stays closed', async () => {
    const { checks } = pipeline();
    const reply = await checks.check(1, { url: URL_, ...snapshotOf(demo('clean-shop.html')), upload: null });
    expect(reply.result?.verdict.level).toBe('ok');
    expect(reply.autoExpand).toBe(false);
  });

  it('lists that fail to answer say "could not check"; the verdict is still stored', async () => {
    const { checks, stored } = pipeline({
      lookup: async () => {
        throw new Error('database closed');
      },
    });
    const reply = await checks.check(2, { url: URL_, ...snapshotOf(demo('clean-shop.html')), upload: null });
    expect(codes(reply.result)).toEqual(['lists-stale']);
    expect(reply.result!.verdict.findings[0]!.params.error).toContain('database closed');
    expect(stored).toHaveLength(1);
  });

  it('what the lists say is judged with the page: a listed licence is danger', async () => {
    const listed: DataLookups = { matches: [{ kind: 'uscc', value: '91440101MA5CKX2R1G', list: 'serious-dishonest', record: null, feed: 'test feed' }], entities: [], status: { state: 'ok', feeds: [] } };
    const { checks } = pipeline({ lookup: async () => listed });
    const reply = await checks.check(3, { url: URL_, ...snapshotOf(demo('clean-shop.html')), upload: null });
    expect(codes(reply.result)).toContain('blacklisted');
    expect(reply.result?.verdict.level).toBe('danger');
    expect(reply.autoExpand).toBe(true);
  });

  it('the user\'s registry answers for the tab are judged with the page, and shown with the result', async () => {
    const answer = { site: 'gsxt' as const, url: 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html', query: null, subject: { name: '杭州瑞丰机械设备有限公司', uscc: '91330106MA2H3P7L4H', status: '存续', state: '存续' as const }, entries: [], filing: null, notFound: false, words: '企业名称：杭州瑞丰机械设备有限公司' };
    const askedFor: number[] = [];
    const { checks, stored } = pipeline({
      registry: async (tabId) => {
        askedFor.push(tabId);
        return [{ kind: 'uscc', value: '91330106MA2H3P7L4H', state: 'answered', answer, at: 1 }];
      },
    });
    const { parts, truncated } = snapshotOf(demo('borrowed-license.html'));
    const reply = await checks.check(9, { url: URL_, parts, truncated, upload: null });
    expect(askedFor).toEqual([9]);
    expect(codes(reply.result)).toContain('name-mismatch');
    expect(reply.result?.official).toEqual([{ kind: 'uscc', value: '91330106MA2H3P7L4H', site: 'gsxt', state: 'answered', at: 1, url: answer.url, words: answer.words, notFound: false, shown: ['uscc:91330106MA2H3P7L4H'] }]);
    expect(stored[0]!.verdict.result?.official).toHaveLength(1);
    // A registry cache that fails to answer costs its notes, never the page's check.
    const failing = pipeline({ registry: async () => Promise.reject(new Error('db gone')) });
    expect(codes((await failing.checks.check(9, { url: URL_, parts, truncated, upload: null })).result)).toContain('badge-mismatch');
  });

  it('the user\'s rules: a hidden warning is gone and named; a trusted shop\'s warning does not open the panel, a danger does', async () => {
    const invalid = { url: 'https://www.shop.example.cn/', ...snapshotOf(demo('invalid-code.html')), upload: null };
    const plain = await pipeline().checks.check(4, invalid);
    expect(plain.result?.verdict.level).toBe('warning');
    expect(plain.autoExpand).toBe(true);
    const hidden = await pipeline({}, { user: { suppressed: [{ host: 'www.shop.example.cn', code: 'id-invalid' }], personal: [] } }).checks.check(4, invalid);
    expect(codes(hidden.result)).not.toContain('id-invalid');
    expect(hidden.user?.hiddenCodes).toEqual(['id-invalid']);
    const trust = { suppressed: [], personal: [{ action: 'trust' as const, target: { type: 'domain' as const, pattern: '*.shop.example.cn' }, note: '', addedAt: '2026-01-01T00:00:00Z' }] };
    const trusted = await pipeline({}, { user: trust }).checks.check(4, invalid);
    expect(trusted.result?.verdict.level).toBe('warning');
    expect(trusted.autoExpand).toBe(false);
    const danger = await pipeline({}, { user: trust }).checks.check(4, { ...invalid, ...snapshotOf(demo('spoofed-badge.html')) });
    expect(danger.autoExpand).toBe(true);
  });

  it('"open for caution too" in the options opens the panel on a caution', async () => {
    const caution = '<body><div class="price">¥99</div><button>立即购买</button><p>京公网安备44010602000001号</p></body>';
    const quiet = await pipeline().checks.check(5, { url: URL_, ...snapshotOf(caution), upload: null });
    const always = await pipeline({}, { settings: { ...DEFAULT_SETTINGS, panelOpens: 'always' } }).checks.check(5, { url: URL_, ...snapshotOf(caution), upload: null });
    expect(quiet.result?.verdict.level).toBe(always.result?.verdict.level);
    if (quiet.result?.verdict.level === 'caution') {
      expect(quiet.autoExpand).toBe(false);
      expect(always.autoExpand).toBe(true);
    } else throw new Error(`expected a caution, got ${quiet.result?.verdict.level}: ${codes(quiet.result).join(',')}`);
  });

  it('a large snapshot comes in pieces: the engine gets it whole; an unknown upload is refused and nothing is stored', async () => {
    const { checks, scanned, stored } = pipeline();
    const { parts } = snapshotOf(demo('spoofed-badge.html'));
    const body = (parts[0] as { body: string }).body;
    const half = Math.floor(body.length / 2);
    checks.receivePiece(9, { upload: 'u1', part: 0, field: 'head', text: '<head></head>' });
    checks.receivePiece(9, { upload: 'u1', part: 0, field: 'body', text: body.slice(0, half) });
    expect(checks.receivePiece(9, { upload: 'u1', part: 0, field: 'body', text: body.slice(half) }).received).toBe(body.length + 13);
    const reply = await checks.check(9, { url: URL_, parts: [{ kind: 'document', head: '', body: '' }], truncated: false, upload: 'u1' });
    expect(scanned[0]!.parts[0]).toEqual({ kind: 'document', head: '<head></head>', body });
    expect(reply.result?.verdict.level).toBe('danger');
    await expect(checks.check(9, { url: URL_, parts: [{ kind: 'document', head: '', body: '' }], truncated: false, upload: 'u1' })).rejects.toThrow(/upload not found/);
    // Another tab cannot take this tab's upload.
    checks.receivePiece(9, { upload: 'u2', part: 0, field: 'body', text: body });
    await expect(checks.check(10, { url: URL_, parts: [{ kind: 'document', head: '', body: '' }], truncated: false, upload: 'u2' })).rejects.toThrow(/upload not found/);
    expect(stored).toHaveLength(1);
  });

  it('an engine that fails stores nothing: the tab keeps no verdict it did not earn', async () => {
    const { checks, stored } = pipeline({
      scan: async () => {
        throw new Error('the scanning document did not answer');
      },
    });
    await expect(checks.check(11, { url: URL_, ...snapshotOf(demo('spoofed-badge.html')), upload: null })).rejects.toThrow(/did not answer/);
    expect(stored).toEqual([]);
  });

  it('scans take turns by tab: a reading replaced by a newer one of its tab is not scanned, nor stored', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const { checks, stored } = pipeline({
      scan: async (snapshot, url) => {
        order.push(url);
        if (order.length === 1) await held;
        return scanSnapshot(snapshot, (html) => parseHTML(html).document as unknown as Document, { url });
      },
    });
    const page = { ...snapshotOf(demo('spoofed-badge.html')), upload: null };
    const first = checks.check(3, { url: `${URL_}?1`, ...page });
    const replaced = checks.check(3, { url: `${URL_}?2`, ...page });
    const other = checks.check(4, { url: `${URL_}?other`, ...page });
    const newest = checks.check(3, { url: `${URL_}?3`, ...page });
    expect(await replaced).toEqual({ stored: false, result: null, locators: [], autoExpand: false });
    release();
    await Promise.all([first, other, newest]);
    // The other tab did not wait behind tab 3's later readings; the replaced one never ran.
    expect(order).toEqual([`${URL_}?1`, `${URL_}?other`, `${URL_}?3`]);
    expect(stored.map((s) => s.verdict.url)).not.toContain(`${URL_}?2`);
  });

  it('a check with licence pictures marks the tab "being read" before reading them, then stores the verdict with them', async () => {
    const order: string[] = [];
    const { checks, stored } = pipeline({
      markReading: async (tabId, url, srcs) => void order.push(`mark ${tabId} ${srcs.join(',')}`),
      readPictures: async (pictures) => {
        order.push('read');
        return pictures.map((p) => ({ picture: p.src, status: 'unreadable' as const, reason: 'no-bytes', identifiers: [], licence: null, qr: [], lines: [] }));
      },
      store: async (tabId, verdict) => void (order.push('store'), stored.push({ tabId, verdict })),
    });
    const pictures = [{ src: 'https://www.demo-shop.cn/yyzz.jpg', data: null, crop: null, ref: null, error: 'http 403' }];
    const reply = await checks.check(5, { url: URL_, ...snapshotOf(demo('clean-shop.html')), upload: null, pictures });
    expect(order).toEqual(['mark 5 https://www.demo-shop.cn/yyzz.jpg', 'read', 'store']);
    // The stored verdict carries no reading mark: the pictures are read.
    expect(stored.at(-1)?.verdict.reading).toBeUndefined();
    expect(reply.result?.pictures?.map((p) => p.status)).toEqual(['unreadable']);
    // Without pictures nothing is marked.
    order.length = 0;
    await checks.check(5, { url: URL_, ...snapshotOf(demo('clean-shop.html')), upload: null });
    expect(order).toEqual(['store']);
  });
});
