import { definePlatform } from './platform';
import { findLicenseLink, hasAny, hostMatches } from './helpers';

/*
 * Douyin shops (抖音小店 / 抖店), served on jinritemai.com. Sources and confidence:
 * - Product pages haohuo.jinritemai.com/views/product/item2?id= and /views/product/detail?id=
 *   (public share links, high); jinritemai.com/ecommerce/trade/detail/index.html?id= (medium).
 * - Shop pages haohuo.jinritemai.com/views/shop/index?id= (public share links, high).
 * - douyin.com: the web app shows goods at /goods/<id> style paths and shop tabs; low confidence on
 *   paths, so DOM hints (a 店铺 header with a follow button, a 购买 button) decide there.
 * - License page: Douyin shows "店铺资质"/"营业执照" inside the app; we know of no stable public web URL
 *   to build, so only a labelled link inside the platform counts. Low confidence that one exists.
 */

export default definePlatform({
  id: 'douyin',
  name: { 'zh-CN': '抖音小店', 'zh-TW': '抖音小店', en: 'Douyin Shop' },
  matches: ['jinritemai.com', 'douyin.com'],
  isProductPage(url, doc) {
    if (/\/views\/product\/(?:item2?|detail)(?:\.html)?$/.test(url.pathname) && url.searchParams.has('id')) return true;
    if (/\/ecommerce\/trade\/detail\/index\.html$/.test(url.pathname) && url.searchParams.has('id')) return true;
    if (hostMatches(url.hostname, 'douyin.com') && /^\/(?:goods|product)\/\d+/.test(url.pathname)) return true;
    return hasAny(doc, '[data-e2e="goods-buy-button"], [data-e2e="product-buy"]');
  },
  isShopPage(url, doc) {
    if (/\/views\/shop\/index(?:\.html)?$/.test(url.pathname) && url.searchParams.has('id')) return true;
    if (hostMatches(url.hostname, 'douyin.com') && /^\/(?:shop|store)\/[\w-]+/.test(url.pathname)) return true;
    return hasAny(doc, '[data-e2e="shop-header"]');
  },
  // Low confidence (see above): the qualification views the app opens, when a browser shows them.
  isLicencePicturePage(url) {
    return /\/views\/shop\/(?:qualification|license|aptitude)/.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => ['jinritemai.com', 'douyin.com'].some((d) => hostMatches(u.hostname, d)));
  },
});
