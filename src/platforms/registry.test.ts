import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { PLATFORMS, platformForHost } from './registry';
import { classifyPage, type PageClass } from './classify-page';
import type { Platform } from './platform';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../tests/fixtures/platforms');

/** Files in src/platforms/ that are machinery, not platforms. Anything else must be registered. */
const NOT_PLATFORMS = new Set(['registry.ts', 'platform.ts', 'helpers.ts', 'generic-shop.ts', 'classify-page.ts']);

function load(name: string): Document {
  return parseHTML(readFileSync(join(fixtures, name), 'utf8')).document as unknown as Document;
}

describe('platform registry', () => {
  const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_PLATFORMS.has(f));

  it('finds the platform files', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('registers %s', async (file) => {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(here, file)).href)) as { default?: Platform };
    expect(mod.default, `${file} must default-export definePlatform({...})`).toBeDefined();
    expect(PLATFORMS, `${file} is not added in registry.ts`).toContain(mod.default);
    // One concept per file: the file is named after its platform.
    expect(file.replace(/\.ts$/, '')).toBe(mod.default!.id);
  });

  it.each(PLATFORMS.map((p) => p.id))('%s has a fixture', (id) => {
    expect(existsSync(join(fixtures, `${id}.html`))).toBe(true);
  });

  it('gives each platform three names', () => {
    for (const p of PLATFORMS) for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) expect(p.name[lang].length).toBeGreaterThan(0);
  });

  it('picks the most specific host pattern', () => {
    expect(platformForHost('2.taobao.com')?.id).toBe('xianyu');
    expect(platformForHost('item.taobao.com')?.id).toBe('taobao');
    expect(platformForHost('x2.taobao.com')?.id).toBe('taobao');
    expect(platformForHost('haohuo.jinritemai.com')?.id).toBe('douyin');
    expect(platformForHost('app.kwaixiaodian.com')?.id).toBe('kuaishou');
    expect(platformForHost('h5.ele.me')?.id).toBe('eleme');
    expect(platformForHost('notjd.com')).toBeNull();
    expect(platformForHost('jd.com.evil.example')).toBeNull();
  });
});

/** The URL each fixture stands for, and what it must classify as. */
const CASES: Record<string, { url: string; expect: Pick<PageClass, 'pageType' | 'licensePageUrl'> & { licenseExpected?: boolean } }> = {
  taobao: {
    url: 'https://qinghejiaju.tmall.com/shop/view_shop.htm',
    expect: { pageType: 'shop', licensePageUrl: 'https://zhaoshang.tmall.com/maintaininfo/liangzhao.htm?xid=8c1f0e2a4b6d4f1e9a3b5c7d9e1f2a3b' },
  },
  jd: { url: 'https://item.jd.com/100012345678.html', expect: { pageType: 'product', licensePageUrl: 'https://mall.jd.com/showLicence-1000099999.html' } },
  pinduoduo: {
    url: 'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234',
    expect: { pageType: 'product', licensePageUrl: 'https://mobile.yangkeduo.com/mall_certificates.html?mall_id=987654321' },
  },
  douyin: { url: 'https://haohuo.jinritemai.com/views/product/item2?id=3612345678901234567', expect: { pageType: 'product', licensePageUrl: null } },
  'alibaba-1688': { url: 'https://detail.1688.com/offer/623456789012.html', expect: { pageType: 'product', licensePageUrl: 'https://qhjiaju.1688.com/page/creditdetail.htm' } },
  xianyu: { url: 'https://www.goofish.com/item?id=765432109876', expect: { pageType: 'product', licensePageUrl: null, licenseExpected: false } },
  kuaishou: { url: 'https://app.kwaixiaodian.com/merchant/shop/detail?id=22334455667788&hyId=kwaishop', expect: { pageType: 'product', licensePageUrl: null } },
  vipshop: { url: 'https://detail.vip.com/detail-1710612828-6919868327372574812.html', expect: { pageType: 'product', licensePageUrl: 'https://viva.vip.com/act/licence-info' } },
  suning: { url: 'https://shop.suning.com/70057220/index.html', expect: { pageType: 'shop', licensePageUrl: 'https://shop.suning.com/jsp/licence/70057220.html' } },
  dangdang: { url: 'http://product.dangdang.com/29123456.html', expect: { pageType: 'product', licensePageUrl: null } },
  meituan: { url: 'https://www.meituan.com/meishi/193845212/', expect: { pageType: 'shop', licensePageUrl: 'https://www.meituan.com/meishi/qualification/193845212/' } },
  eleme: { url: 'https://h5.ele.me/shop/#id=E5012345678901234567', expect: { pageType: 'shop', licensePageUrl: 'https://h5.ele.me/shop/certification/#id=E5012345678901234567' } },
};

describe('classifyPage on platform fixtures', () => {
  it('has a case for every registered platform', () => {
    expect(Object.keys(CASES).sort()).toEqual(PLATFORMS.map((p) => p.id).sort());
  });

  it.each(Object.entries(CASES))('%s', (id, c) => {
    const page = classifyPage(c.url, load(`${id}.html`));
    expect(page.platform).toBe(id);
    expect(page.pageType).toBe(c.expect.pageType);
    expect(page.licensePageUrl).toBe(c.expect.licensePageUrl);
    expect(page.licenseExpected).toBe(c.expect.licenseExpected ?? true);
  });

  it('tells platform pages that are neither product nor shop', () => {
    const empty = parseHTML('<html><body><p>首页</p></body></html>').document as unknown as Document;
    expect(classifyPage('https://www.taobao.com/', empty).pageType).toBe('other');
    expect(classifyPage('https://www.jd.com/', empty).pageType).toBe('other');
    expect(classifyPage('https://search.jd.com/Search?keyword=x', empty).pageType).toBe('other');
    expect(classifyPage('https://detail.1688.com/', empty).pageType).toBe('other');
  });

  it('recognizes URL patterns without DOM hints', () => {
    const empty = parseHTML('<html><body></body></html>').document as unknown as Document;
    const type = (url: string) => classifyPage(url, empty).pageType;
    expect(type('https://item.taobao.com/item.htm?id=123')).toBe('product');
    expect(type('https://detail.tmall.com/item.htm?id=123')).toBe('product');
    expect(type('https://shop123456.taobao.com/')).toBe('shop');
    expect(type('https://mall.jd.com/index-1000088888.html')).toBe('shop');
    expect(type('https://mobile.yangkeduo.com/mall_page.html?mall_id=42424')).toBe('shop');
    expect(type('https://haohuo.jinritemai.com/views/shop/index?id=RIiZTPaL')).toBe('shop');
    expect(type('https://qhjiaju.1688.com/')).toBe('shop');
    expect(type('https://m.vip.com/product-1-2.html')).toBe('product');
    expect(type('https://product.suning.com/0000000000/624041044.html')).toBe('product');
    expect(type('https://2.taobao.com/item.htm?id=9')).toBe('product');
  });

  it('builds license pages from the URL alone where the platform allows', () => {
    const empty = parseHTML('<html><body></body></html>').document as unknown as Document;
    expect(classifyPage('https://mobile.yangkeduo.com/mall_page.html?mall_id=42424', empty).licensePageUrl).toBe(
      'https://mobile.yangkeduo.com/mall_certificates.html?mall_id=42424',
    );
    expect(classifyPage('https://qhjiaju.1688.com/page/offerlist.htm', empty).licensePageUrl).toBe('https://qhjiaju.1688.com/page/creditdetail.htm');
    expect(classifyPage('https://mall.jd.com/showLicence-77.html', empty).licensePageUrl).toBe('https://mall.jd.com/showLicence-77.html');
    // Taobao's xid is opaque: without a link there is no license URL to give.
    expect(classifyPage('https://shop123456.taobao.com/', empty).licensePageUrl).toBeNull();
  });
});

describe('classifyPage on independent pages', () => {
  it('recognizes an independent shop with high confidence', () => {
    const page = classifyPage('https://www.shanchahua-shop.example/products/soap-01', load('generic/indie-shop.html'));
    expect(page).toMatchObject({ platform: null, pageType: 'product', shopConfidence: 'high', licensePageUrl: null });
    expect(page.shopSignals).toEqual(expect.arrayContaining(['price', 'buy-button', 'cart', 'schema-product', 'og-product']));
  });

  it('finds a license link named in an image alt, in Traditional characters', () => {
    const page = classifyPage('https://www.shanchahua-shop.example/products/soap-01', load('generic/indie-shop-license-link.html'));
    expect(page.pageType).toBe('shop');
    expect(page.licensePageUrl).toBe('https://www.shanchahua-shop.example/license');
  });

  it('does not take a news article for a shop', () => {
    const page = classifyPage('https://news.example.cn/2024/06/soap.html', load('generic/news.html'));
    expect(page.pageType).toBe('other');
    expect(page.shopConfidence).toBe('low');
    expect(page.shopSignals).toEqual(['price']);
  });

  it('survives malformed markup and bad URLs', () => {
    const doc = load('generic/malformed.html');
    expect(() => classifyPage('https://broken.example/', doc)).not.toThrow();
    expect(classifyPage('not a url', doc).platform).toBeNull();
    const page = classifyPage('https://broken.example/', doc);
    // javascript: and unparsable hrefs are not license pages.
    expect(page.licensePageUrl).toBeNull();
  });
});
