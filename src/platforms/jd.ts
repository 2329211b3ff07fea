import { definePlatform } from './platform';
import { attrValue, findLicenseLink, findLink, hasAny, hostMatches, scriptValue, subdomainOf } from './helpers';

/*
 * JD (京东). Sources and confidence:
 * - Product pages item.jd.com/<sku>.html, item.jd.hk/<sku>.html, item.m.jd.com/product/<sku>.html:
 *   long-standing public URLs, high confidence.
 * - Shop pages mall.jd.com/index-<shopId>.html, shop.m.jd.com/?shopId=, <name>.jd.com brand shops: high.
 * - License page https://mall.jd.com/showLicence-<venderId>.html: used by many public scrapers and
 *   userscripts (@match *://mall.jd.com/showLicence*); high confidence it exists, with a captcha.
 *   One 2024 scraper maps it to mall.jd.com/shopLevel-<venderId>.html, so links to either count.
 *   venderId (not shopId: they differ for third-party shops) comes from page data
 *   (`venderId: '123'` in pageConfig, data-venderid) or an existing link; medium confidence on names.
 */

const NOT_SHOPS = new Set(['www', 'item', 'search', 'list', 'cart', 'passport', 'order', 'trade', 'home', 'help', 'mall', 'shop', 'm', 'item.m', 'so', 'channel', 'pro', 'jiadian', 'shouji', 'diannao', 'b', 'vip', 'jr', 'jdl', 'club', 'sale', 'red', 'fresh', 'miaosha', 'global', 'gongyi']);

const LICENCE_PATH = /^\/(?:showLicence|shopLevel)-(\d+)\.html$/;

function licenceUrl(venderId: string): string {
  return `https://mall.jd.com/showLicence-${venderId}.html`;
}

export default definePlatform({
  id: 'jd',
  name: { 'zh-CN': '京东', 'zh-TW': '京東', en: 'JD.com' },
  matches: ['jd.com', 'jd.hk', '360buy.com'],
  isProductPage(url, doc) {
    if (/^item\.jd\.(?:com|hk)$/.test(url.hostname) && /^\/\d+\.html$/.test(url.pathname)) return true;
    if (url.hostname === 'item.m.jd.com' && /^\/product\/\d+\.html$/.test(url.pathname)) return true;
    return hasAny(doc, '#InitCartUrl, #btn-reservation, #choose-btn-append');
  },
  isShopPage(url) {
    if (url.hostname === 'mall.jd.com' && /^\/index-\d+\.html$/.test(url.pathname)) return true;
    if (url.hostname === 'shop.m.jd.com' && url.searchParams.has('shopId')) return true;
    const sub = subdomainOf(url.hostname, 'jd.com');
    return sub !== null && !NOT_SHOPS.has(sub) && url.hostname.split('.').length === 3;
  },
  isLicencePicturePage(url) {
    return url.hostname === 'mall.jd.com' && LICENCE_PATH.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    if (url.hostname === 'mall.jd.com' && LICENCE_PATH.test(url.pathname)) return url.href;
    const linked = findLink(doc, url, (u) => hostMatches(u.hostname, 'mall.jd.com') && LICENCE_PATH.test(u.pathname));
    if (linked) return linked.href;
    const vender =
      attrValue(doc, '[data-venderid]', 'data-venderid') ??
      attrValue(doc, '[data-vender-id]', 'data-vender-id') ??
      scriptValue(doc, /venderId["']?\s*[:=]\s*["']?(\d{3,12})/i) ??
      findLink(doc, url, (u) => /^\d{3,12}$/.test(u.searchParams.get('venderId') ?? ''))?.searchParams.get('venderId') ??
      null;
    if (vender) return licenceUrl(vender);
    return findLicenseLink(doc, url, (u) => ['jd.com', 'jd.hk'].some((d) => hostMatches(u.hostname, d)));
  },
});
