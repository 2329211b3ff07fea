import { definePlatform } from './platform';
import { findLicenseLink, findLink, hasAny, hostMatches, subdomainOf } from './helpers';

/*
 * Taobao and Tmall (one seller system). Sources and confidence:
 * - Product pages item.taobao.com/item.htm?id=, detail.tmall.com/item.htm?id=, detail.tmall.hk, and
 *   the h5 detail pages: long-standing public URLs, high confidence.
 * - Shop pages shop<digits>.taobao.com, <name>.taobao.com / <name>.tmall.com: high confidence.
 * - License (亮照) page: shop headers link "证照信息"/"营业执照"/"查看商家公示信息" to
 *   https://zhaoshang.tmall.com/maintaininfo/liangzhao.htm?xid=<opaque> (older: zhaoshang.mall.taobao.com).
 *   The xid is opaque, so the URL is only found as a link, never built. Seen in many public
 *   scrapers' code (2018–2024); medium-high confidence that the path is still current.
 */

/** Subdomains of taobao.com / tmall.com that are platform services, not shops. */
const NOT_SHOPS = new Set([
  'www', 'item', 'detail', 's', 'list', 'login', 'buy', 'cart', 'trade', 'i', 'h5', 'm', 'main', 'world', 'ai', 'uland',
  'zhaoshang', 'shangjia', 'fw', 'peixun', 'rule', 'service', 'help', 'favorite', 'member', 'store', 'shop', 'pages', 'market',
  'chaoshi', 'jhs', 'ju', 'err', 'huodong', 'pre', 'mai', 'myseller', 'sell', 'consumerservice', 'ibuy', 'g', 'tb', 'api', 'ms',
]);

const LIANGZHAO = /^\/maintaininfo\/liangzhao\.htm$/;

function isFamily(url: URL): boolean {
  return ['taobao.com', 'tmall.com', 'tmall.hk'].some((d) => hostMatches(url.hostname, d));
}

export default definePlatform({
  id: 'taobao',
  name: { 'zh-CN': '淘宝/天猫', 'zh-TW': '淘寶/天貓', en: 'Taobao/Tmall' },
  matches: ['taobao.com', 'tmall.com', 'tmall.hk'],
  isProductPage(url, doc) {
    const h = url.hostname;
    if (/^(?:item|detail|detail\.m|h5\.m)\./.test(h) || /^detail\.tmall\.hk$/.test(h)) {
      if (/\/(?:item|detail)\.htm$|\/awp\/core\/detail\.htm$/.test(url.pathname) && url.searchParams.has('id')) return true;
    }
    // Single-page apps rewrite URLs; the buy box ids are stable across them.
    return hasAny(doc, '#J_LinkBuy, #J_LinkBasket, [class*="BuyButton"], [data-spm="detail-buy"]');
  },
  isShopPage(url) {
    const h = url.hostname;
    if (/^shop\d+\.taobao\.com$/.test(h)) return true;
    if (h === 'store.taobao.com' && /view_shop\.htm$/.test(url.pathname)) return true;
    if (h === 'shop.m.taobao.com' && url.searchParams.has('shop_id')) return true;
    const sub = subdomainOf(h, 'taobao.com') ?? subdomainOf(h, 'tmall.com') ?? subdomainOf(h, 'tmall.hk');
    return sub !== null && !NOT_SHOPS.has(sub) && h.split('.').length === 3;
  },
  isLicencePicturePage(url) {
    return (hostMatches(url.hostname, 'zhaoshang.tmall.com') || hostMatches(url.hostname, 'zhaoshang.mall.taobao.com')) && LIANGZHAO.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    const lz = findLink(doc, url, (u) => (hostMatches(u.hostname, 'zhaoshang.tmall.com') || hostMatches(u.hostname, 'zhaoshang.mall.taobao.com')) && LIANGZHAO.test(u.pathname));
    if (lz) return lz.href;
    // A labelled link inside the platform (a shop's own 证照 page); links out of it are for the badge rules.
    return findLicenseLink(doc, url, isFamily);
  },
});
