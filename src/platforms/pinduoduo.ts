import { definePlatform } from './platform';
import { findLicenseLink, findLink, hasAny, hostMatches, scriptValue } from './helpers';

/*
 * Pinduoduo (拼多多). The web app lives on mobile.yangkeduo.com. Sources and confidence:
 * - Product pages /goods.html?goods_id= (and goods1/goods2.html): public share links, high confidence.
 * - Shop pages /mall_page.html?mall_id=: public share links, high confidence.
 * - License page https://mobile.yangkeduo.com/mall_certificates.html?mall_id=<id>: seen as the
 *   Referer of the shop-qualification API in public scrapers (2024); high confidence.
 *   mall_id comes from the URL, a shop link, or page data ("mall_id":123 / mallID).
 */

const MALL_ID = /^\d{3,15}$/;

function certificates(mallId: string): string {
  return `https://mobile.yangkeduo.com/mall_certificates.html?mall_id=${mallId}`;
}

export default definePlatform({
  id: 'pinduoduo',
  name: { 'zh-CN': '拼多多', 'zh-TW': '拼多多', en: 'Pinduoduo' },
  matches: ['yangkeduo.com', 'pinduoduo.com'],
  isProductPage(url, doc) {
    if (/^\/goods\d?\.html$/.test(url.pathname) && url.searchParams.has('goods_id')) return true;
    return hasAny(doc, '[data-goods-id] [class*="buy"], #goods-buy-button');
  },
  isShopPage(url) {
    return /^\/mall_page\.html$/.test(url.pathname) && url.searchParams.has('mall_id');
  },
  isLicencePicturePage(url) {
    return /^\/mall_certificates\.html$/.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    const own = url.searchParams.get('mall_id');
    if (own && MALL_ID.test(own)) return certificates(own);
    const linked = findLink(doc, url, (u) => hostMatches(u.hostname, 'yangkeduo.com') && MALL_ID.test(u.searchParams.get('mall_id') ?? ''));
    if (linked) return certificates(linked.searchParams.get('mall_id')!);
    const fromData = scriptValue(doc, /["']?(?:mall_id|mallID|mallId)["']?\s*[:=]\s*["']?(\d{3,15})/);
    if (fromData) return certificates(fromData);
    return findLicenseLink(doc, url, (u) => ['yangkeduo.com', 'pinduoduo.com'].some((d) => hostMatches(u.hostname, d)));
  },
});
