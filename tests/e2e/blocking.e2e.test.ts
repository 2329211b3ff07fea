import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedKey } from '../../src/feed/signature';
import { buildFeed } from '../../src/tools/feed/build/build-feed';
import { BROWSERS, useDriver, waitForPanel, type ExtensionPage, type ShopTab } from './driver/all';
import { poll } from './driver/poll';
import { startFeedServer, type FeedServer } from './harness/feed-server';
import { LISTED, PUBLIC_KEY, waitForFeed } from './harness/feeds';
import { chineseOptions } from './harness/options-page';
import { startRegistryHosts, type RegistryHosts } from './harness/registry-hosts';

/**
 * Issue 16 end to end: a signed feed whose scam-site list blocks, synced from the feed server, and
 * pages under real-looking host names (harness/registry-hosts.ts sends them to 127.0.0.1).
 */
const SCAM = 'scam-mall.example.com';
/** On 经营异常名录 (its keeper: mark): an amber mark on a search page, never blocked. */
const ODD = 'odd-shop.example.com';
const PLAIN = 'plain-shop.example.com';
/** On the shopper's own list as that exact host, with blocking: a rule of its own (a regexFilter for the host). */
const GUARDED = 'guarded-shop.example.com';
/** A shop showing a licence on 严重违法失信名单 (the sample shop, under a host name: IPs are never listed). */
const LISTED_SHOP = 'listed-shop.example.com';
const SEARCH = 'www.baidu.com';
const FEED_NAME = 'e2e 屏蔽样例';

const CSV = [
  'id,id_type,list,name,reason,authority,listed_on,source_url',
  `${SCAM},domain,fraud-domain,,仿冒电商平台骗取货款,国家互联网应急中心,2024-06-01,https://www.12377.cn/`,
  `${ODD},domain,abnormal-operation,,通过登记的住所或者经营场所无法联系,某市场监督管理局,2024-03-01,`,
  `${LISTED},uscc,serious-dishonest,深圳市速发优购商贸有限公司,虚假宣传、销售假冒商品且拒不履行行政处罚决定,深圳市市场监督管理局,2024-03-15,https://www.gsxt.gov.cn/`,
].join('\n');

/** The scam site's page: its own script asks for /ran, which must not happen while it is blocked. */
const SCAM_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>超低价商城</title><script>fetch('/ran').catch(() => {});</script></head><body><h1>全场一折</h1></body></html>`;
const PLAIN_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>普通小店</title></head><body><h1>普通小店</h1></body></html>';

/** One Baidu result in Baidu's markup (src/platforms/listings/baidu.ts): `mu` holds the landing URL. */
const result = (id: string, url: string, title: string) =>
  `<div class="result c-container new-pmd" id="${id}" mu="${url}"><h3 class="t"><a href="http://www.baidu.com/link?url=${id}">${title}</a></h3></div>`;
/** A search page; `addMore()` appends a result as infinite scroll does. */
const SEARCH_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>低价商城_百度搜索</title></head><body>
<div id="wrapper"><div id="content_left">
${result('r-scam', `http://${SCAM}/item/1`, '超低价商城 全场一折')}
${result('r-plain', `http://${PLAIN}/`, '普通小店')}
${result('r-odd', `https://www.${ODD}/`, '某某小店')}
${result('r-gsxt', 'https://www.gsxt.gov.cn/index.html', '国家企业信用信息公示系统')}
</div></div>
<script>window.addMore = () => document.getElementById('content_left').insertAdjacentHTML('beforeend', ${JSON.stringify(
  result('r-later', `http://pay.${SCAM}/`, '超低价商城 支付页') + result('r-later-plain', 'http://another.example.org/', '另一家店'),
)});</script>
</body></html>`;

interface MarkSeen {
  result: string | undefined;
  level: string | null;
  title: string;
}

/** The marks on a search page as the page itself sees them: which result, which colour, which tooltip. */
const marksOn = (tab: ShopTab) =>
  tab.evaluate(() =>
    [...document.querySelectorAll('[data-liangzhao-mark]')].map((m) => ({ result: m.closest('[mu]')?.id, level: m.getAttribute('data-liangzhao-mark'), title: (m as HTMLElement).title })),
  ) as Promise<MarkSeen[]>;

/**
 * Follows a link to `url` from the page, as a shopper does (puppeteer's goto in Firefox waits for
 * the page asked for, which the browser's redirect to the block page never loads).
 */
const follow = (tab: ShopTab, url: string) => tab.evaluate((u) => void setTimeout(() => (location.href = u)), url);

/** Where the e2e screenshots go (as firstrun.e2e.test.ts): the block page and a marked search page, Chromium's. */
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const shot = async (tab: ShopTab, file: string) => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, file), await tab.screenshot());
};

const isBlockPage = (url: string, origin: string) => url.startsWith(`${origin}/extension/block/block.html`);

describe.each(BROWSERS)('%s: the block page and search-result marks', (name) => {
  let tmp = '';
  let feeds: FeedServer | null = null;
  let hosts: RegistryHosts | null = null;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lz-e2e-block-'));
    mkdirSync(join(tmp, 'profile'));
    writeFileSync(join(tmp, 'b.csv'), CSV + '\n');
    const key = await parseFeedKey(readFileSync(new URL('../fixtures/feed/test-key.json', import.meta.url), 'utf8'));
    await buildFeed({ ...key, out: join(tmp, 'feed'), blacklist: [join(tmp, 'b.csv')], entities: [], name: FEED_NAME, version: 1, now: new Date() });
    feeds = await startFeedServer(join(tmp, 'feed'));
    const shop = readFileSync(new URL('fixtures/blacklisted-shop.html', import.meta.url), 'utf8');
    hosts = await startRegistryHosts(['registry.example.com'], {}, {
      [SCAM]: { '/': SCAM_PAGE, '/item/1': SCAM_PAGE, '/other': SCAM_PAGE },
      [PLAIN]: { '/': PLAIN_PAGE },
      [GUARDED]: { '/': SCAM_PAGE },
      [LISTED_SHOP]: { '/': shop },
      [SEARCH]: { '/s': SEARCH_PAGE },
    });
  });
  afterAll(async () => {
    await feeds?.close();
    await hosts?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  // One story in order: subscribed once, then blocked, continued, covered, marked, switched off.
  // The profile is kept across a restart ("continue" must not survive one).
  const driver = useDriver(name, { launch: () => ({ profile: join(tmp, 'profile'), hosts: hosts!.mapping }) });
  let options: ExtensionPage;

  const asked = (path: string, host = SCAM) => hosts!.shopRequests.filter((r) => r === `${host}${path}`).length;
  // Read while the tab may be between pages (its old page's context is gone then): read again.
  const waitForUrl = async (tab: ShopTab, ok: (url: string) => boolean) => poll(() => tab.url().catch(() => ''), ok, { timeoutMs: 20_000 });
  const blockPageText = async (tab: ShopTab) => {
    await tab.waitForFunction(() => !!document.querySelector('[data-action="back"]'), undefined, 20_000);
    return tab.evaluate(() => document.body.innerText);
  };
  const status = async () => {
    const reply = await options.send('getBlockingStatus', {});
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  it('subscribed to a signed feed: its scam-site list becomes the browser\'s own blocking rules', async () => {
    // The shopper reads Chinese (headless browsers run in English whatever they are told).
    options = await chineseOptions(driver());
    const subscribed = await options.send('subscribeFeed', { url: feeds!.manifestUrl, publicKey: PUBLIC_KEY });
    expect(subscribed.ok, subscribed.ok ? '' : subscribed.error).toBe(true);
    expect((await waitForFeed(options, (f) => f.status === 'ok'))?.version).toBe(1);
    const rules = await poll(status, (s) => s.domains > 0);
    // The scam site only: the abnormal-operation list marks, and a licence is no domain.
    // Every blocking list's sites are in the browser's rules: no script is registered at document_start.
    expect(rules).toMatchObject({ rules: 1, domains: 1, overflow: 0, guard: [], problems: [] });
    expect(feeds!.requests.some((p) => /^\/feed\/lists\/fraud-domain-domains-[0-9a-f]+\.json$/.test(p))).toBe(true);
  });

  it('a listed scam domain is stopped before its page loads; the block page names the list, its publisher, since when and why; "return" goes back', async () => {
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/item/1`);
    const url = await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    expect(isBlockPage(url, driver().origin), url).toBe(true);
    expect(url).toContain(`#http://${SCAM}/item/1`);
    const text = await blockPageText(tab);
    expect(text).toContain('已拦截这个网站');
    expect(text).toContain(SCAM);
    expect(text).toContain('假冒/钓鱼网站名单'); // which list
    expect(text).toContain(FEED_NAME); // who publishes it
    expect(text).toContain('2024-06-01'); // since when
    expect(text).toContain('仿冒电商平台骗取货款'); // why
    expect(text).toContain('国家互联网应急中心');
    expect(await tab.evaluate(() => document.querySelectorAll('.lz-block-wait').length)).toBe(0); // "checking…" is gone
    // "返回上一页" is the first, big button; "仍要访问" comes after it.
    const buttons = await tab.evaluate(() => [...document.querySelectorAll('button')].map((b) => [b.dataset.action, b.textContent, getComputedStyle(b).fontSize]));
    expect(buttons.map((b) => b[0])).toEqual(['back', 'continue']);
    expect(buttons[0]![1]).toBe('返回上一页');
    expect(buttons[1]![1]).toBe('仍要访问（不推荐）');
    expect(parseFloat(buttons[0]![2]!)).toBeGreaterThan(parseFloat(buttons[1]![2]!));
    // The browser never asked the scam site for the page, so its own script never ran.
    expect(asked('/item/1')).toBe(0);
    expect(asked('/ran')).toBe(0);
    if (name === 'chromium') await shot(tab, 'block-page.png');

    await tab.click('[data-action="back"]');
    expect(await waitForUrl(tab, (u) => u === `http://${PLAIN}/`)).toBe(`http://${PLAIN}/`);
    expect(asked('/ran')).toBe(0);
    await tab.close();
  });

  it('"continue anyway" loads the site and lets it through for the session, until the shopper clears it', async () => {
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/`);
    expect(isBlockPage(await waitForUrl(tab, (u) => isBlockPage(u, driver().origin)), driver().origin)).toBe(true);
    await blockPageText(tab);
    await tab.click('[data-action="continue"]');
    expect(await waitForUrl(tab, (u) => u === `http://${SCAM}/`)).toBe(`http://${SCAM}/`);
    await poll(async () => asked('/ran'), (n) => n > 0);
    expect(asked('/ran')).toBeGreaterThan(0);

    // Remembered: another page of the site in another tab is not stopped.
    const again = await driver().openTab(`http://${SCAM}/other`);
    expect(await again.url()).toBe(`http://${SCAM}/other`);
    await again.close();
    // Listed in the options beside the data the extension keeps; cleared there: blocked again.
    // (A new options tab in front: Firefox does not lay out a background tab, so nothing there is clickable.)
    const data = await driver().extensionPage('extension/options/options.html');
    await data.waitFor('[data-list="continued-sites"]');
    expect(await data.texts('[data-list="continued-sites"] li')).toEqual([expect.stringContaining(SCAM)]);
    await data.click('[data-action="forget-all-continued"]');
    await data.waitFor('[data-empty="continued-sites"]');
    await data.close();
    await tab.goto(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/other`);
    expect(isBlockPage(await waitForUrl(tab, (u) => isBlockPage(u, driver().origin)), driver().origin)).toBe(true);
    await tab.close();
  });

  it('"continue" lasts for the browser session only: after a restart the site is blocked again', async () => {
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/`);
    await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    await blockPageText(tab);
    await tab.click('[data-action="continue"]');
    expect(await waitForUrl(tab, (u) => u === `http://${SCAM}/`)).toBe(`http://${SCAM}/`);
    await tab.close();

    await driver.relaunch();
    options = await chineseOptions(driver());
    const continued = await options.send('getContinuedSites', {});
    expect(continued.ok && continued.value).toEqual([]);
    const before = asked('/ran');
    const again = await driver().openTab(`http://${PLAIN}/`);
    await follow(again, `http://${SCAM}/other`);
    const url = await waitForUrl(again, (u) => isBlockPage(u, driver().origin));
    expect(isBlockPage(url, driver().origin), url).toBe(true);
    expect(await blockPageText(again)).toContain('仿冒电商平台骗取货款');
    expect(asked('/ran')).toBe(before);
    await again.close();
  });

  it('the shopper\'s own exact host with blocking is one of the browser\'s rules too: stopped before its page loads', async () => {
    const saved = await options.send('savePersonalEntry', { entry: { action: 'warn', target: { type: 'domain', pattern: GUARDED }, note: '', addedAt: new Date().toISOString(), block: true } });
    expect(saved.ok, saved.ok ? '' : saved.error).toBe(true);
    // The scam site's list rule and the exact host's own rule (personal-rules.ts).
    expect((await poll(() => status(), (s) => s.rules === 2)).rules).toBe(2);
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${GUARDED}/`);
    const url = await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    expect(url).toContain('via=rule');
    expect(await blockPageText(tab)).toContain(GUARDED);
    // Neither the page nor its script was asked for: the browser stopped the navigation itself.
    expect(asked('/', GUARDED)).toBe(0);
    expect(asked('/ran', GUARDED)).toBe(0);
    await tab.close();
    const removed = await options.send('removePersonalEntry', { target: { type: 'domain', pattern: GUARDED } });
    expect(removed.ok).toBe(true);
    expect((await poll(() => status(), (s) => s.rules === 1)).rules).toBe(1);
  });

  // The document_start check: what the browser's rules cannot decide. Here the shopper's plain "warn"
  // for the scam site's exact host outranks their own "*.scam site" block (an allow rule of its rank,
  // personal-rules.ts), which also outranks the list's rule: the page starts to load and only the
  // guard, which sees the whole decision (the list still blocks), stops it. What it does not promise:
  // that the page's first inline script never runs (README, "Blocking").
  it('a site the browser\'s rules let through but a list blocks is stopped by the document_start check and lands on the block page', async () => {
    const entries = [
      { action: 'warn', target: { type: 'domain' as const, pattern: `*.${SCAM}` }, note: '', addedAt: new Date().toISOString(), block: true },
      { action: 'warn', target: { type: 'domain' as const, pattern: SCAM }, note: '', addedAt: new Date().toISOString() },
    ];
    for (const entry of entries) {
      const saved = await options.send('savePersonalEntry', { entry });
      expect(saved.ok, saved.ok ? '' : saved.error).toBe(true);
    }
    // These entries are a decision the rules cannot express: the worker registers the guard for them.
    expect((await poll(() => status(), (s) => s.rules === 3)).guard).toEqual(["the shopper's own entries"]);
    const before = asked('/other');
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/other`);
    const url = await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    expect(url).toContain('via=check');
    expect(await blockPageText(tab)).toContain('仿冒电商平台骗取货款');
    // The page itself was asked for: no browser rule stopped it, the guard did.
    expect(asked('/other')).toBeGreaterThan(before);
    await tab.close();
    for (const entry of entries) expect((await options.send('removePersonalEntry', { target: entry.target })).ok).toBe(true);
    expect((await poll(() => status(), (s) => s.rules === 1)).guard).toEqual([]);
  });

  it('a listed site the shopper trusts is not stopped by the list\'s rule (the block page would have no reason to give)', async () => {
    const target = { type: 'domain' as const, pattern: SCAM };
    const saved = await options.send('savePersonalEntry', { entry: { action: 'trust', target, note: '', addedAt: new Date().toISOString() } });
    expect(saved.ok, saved.ok ? '' : saved.error).toBe(true);
    expect((await poll(() => status(), (s) => s.rules === 2)).rules).toBe(2);
    const before = asked('/other');
    const tab = await driver().openTab(`http://${PLAIN}/`);
    await follow(tab, `http://${SCAM}/other`);
    expect(await waitForUrl(tab, (u) => u === `http://${SCAM}/other`)).toBe(`http://${SCAM}/other`);
    expect(asked('/other')).toBeGreaterThan(before);
    await tab.close();
    expect((await options.send('removePersonalEntry', { target })).ok).toBe(true);
    expect((await poll(() => status(), (s) => s.rules === 1)).rules).toBe(1);
  });

  it('the block page given an address nothing blocks opens nothing and lets nothing through (no open redirect)', async () => {
    const tab = await driver().openTab(`http://${PLAIN}/`);
    const before = asked('/', PLAIN);
    // Any page can open the block page (it is web-accessible), with any address in it.
    await follow(tab, `${driver().origin}/extension/block/block.html?via=rule#http://${PLAIN}/`);
    await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    await tab.waitForFunction(() => document.body.innerText.includes('亮照卫士现在没有拦截这个网址'), undefined, 20_000);
    expect(isBlockPage(await tab.url(), driver().origin)).toBe(true);
    expect(await tab.evaluate(() => document.querySelectorAll('[data-action="continue"]').length)).toBe(0);
    expect(asked('/', PLAIN)).toBe(before);
    // Nor does the worker let it through when asked directly.
    const refused = await options.send('continueToSite', { url: `http://${PLAIN}/` });
    expect(refused.ok).toBe(false);
    const continued = await options.send('getContinuedSites', {});
    expect(continued.ok && continued.value).toEqual([]);
    await tab.close();
  });

  it('a shop page whose licence is on 严重违法失信名单 is covered by the block page once scanned', async () => {
    const tab = await driver().openTab(`http://${LISTED_SHOP}/`);
    const url = await waitForUrl(tab, (u) => isBlockPage(u, driver().origin));
    expect(url).toContain('via=shop');
    const text = await blockPageText(tab);
    expect(text).toContain('已拦截这个店铺页面');
    expect(text).toContain(LISTED);
    expect(text).toContain('严重违法失信名单');
    expect(text).toContain('虚假宣传、销售假冒商品且拒不履行行政处罚决定');
    await tab.close();
  });

  it('a search page gets marks on exactly the listed results, red for the scam site, amber for abnormal operation, also on results added later', async () => {
    const tab = await driver().openTab(`http://${SEARCH}/s?wd=低价商城`);
    const first = await poll(() => marksOn(tab), (m) => m.length >= 2);
    expect(first.map((m) => `${m.result} ${m.level}`).sort()).toEqual(['r-odd amber', 'r-scam red']);
    expect(first.find((m) => m.result === 'r-scam')?.title).toBe(`亮照卫士：列入假冒/钓鱼网站名单（${FEED_NAME}）`);
    expect(first.find((m) => m.result === 'r-odd')?.title).toContain('经营异常名录');
    // The search page was not scanned as a shop, and asked the scam site nothing.
    expect(asked('/item/1')).toBe(0);

    await tab.evaluate(() => (window as unknown as { addMore(): void }).addMore());
    const later = await poll(() => marksOn(tab), (m) => m.length >= 3);
    expect(later.map((m) => `${m.result} ${m.level}`).sort()).toEqual(['r-later red', 'r-odd amber', 'r-scam red']);
    if (name === 'chromium') await shot(tab, 'search-marks.png');
    await tab.close();
  });

  it('blocking switched off in the options: nothing is stopped or covered, and a list set to only inform marks nothing', async () => {
    const page = await driver().extensionPage('extension/options/options.html');
    await page.waitFor('[data-section="blocking"]');
    const choices = { 'fraud-domain': 'mark', 'serious-dishonest': 'mark', 'abnormal-operation': 'inform' } as const;
    for (const [list, action] of Object.entries(choices)) {
      await page.select(`select[name="${list}"]`, action);
      // Each choice is saved before the next (the next is saved on top of it).
      await poll(
        async () => {
          const reply = await options.send('getBlockPreferences', {});
          return reply.ok ? reply.value.prefs.lists : {};
        },
        (lists) => (lists as Record<string, string>)[list] === action,
      );
    }
    const prefs = await options.send('getBlockPreferences', {});
    expect(prefs.ok && prefs.value.prefs.lists).toEqual(choices);
    expect((await poll(status, (s) => s.rules === 0)).rules).toBe(0);
    await page.waitFor('[data-rules="0"]');
    // Nothing blocks: no script runs as pages start to load, and the options say so.
    await page.waitFor('[data-guard="off"]');
    await page.close();

    const before = asked('/ran');
    const tab = await driver().openTab(`http://${SCAM}/`);
    expect(await tab.url()).toBe(`http://${SCAM}/`);
    await poll(async () => asked('/ran'), (n) => n > before);
    expect(asked('/ran')).toBeGreaterThan(before);

    // The listed shop keeps its danger panel through a scan and a second one after a reload.
    await tab.goto(`http://${LISTED_SHOP}/`);
    expect((await waitForPanel(tab, (p) => !!p?.findingCodes.includes('blacklisted')))?.level).toBe('danger');
    await tab.reload();
    expect((await waitForPanel(tab, (p) => !!p?.findingCodes.includes('blacklisted')))?.level).toBe('danger');
    expect(await tab.url()).toBe(`http://${LISTED_SHOP}/`);

    // Marks: the scam site still (its list marks now), the abnormal-operation site no longer.
    await tab.goto(`http://${SEARCH}/s?wd=低价商城`);
    const marks = await poll(() => marksOn(tab), (m) => m.length >= 1);
    expect(marks.map((m) => `${m.result} ${m.level}`)).toEqual(['r-scam red']);
    await tab.close();
  });
});
