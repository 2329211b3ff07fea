import { definePlatform } from './platform';
import { findLicenseLink, hasAny, hostMatches } from './helpers';

/*
 * Kuaishou shops (快手小店), served on kwaixiaodian.com. Sources and confidence:
 * - Product pages app.kwaixiaodian.com/merchant/shop/detail?id= (public share links; medium).
 * - Shop pages app.kwaixiaodian.com/merchant/shop/(index|home|list)?… (low: inferred from share
 *   links), so a shop header in the DOM also counts.
 * - License page: shown as "店铺资质" in the app; no public URL pattern known, so only a labelled
 *   link inside the platform counts. Low confidence.
 */

export default definePlatform({
  id: 'kuaishou',
  name: { 'zh-CN': '快手小店', 'zh-TW': '快手小店', en: 'Kuaishou Shop' },
  matches: ['kwaixiaodian.com'],
  isProductPage(url, doc) {
    if (/^\/merchant\/shop\/detail$/.test(url.pathname) && (url.searchParams.has('id') || url.searchParams.has('itemId'))) return true;
    return hasAny(doc, '[data-item-id] .buy-button, .goods-detail .buy-btn');
  },
  isShopPage(url, doc) {
    if (/^\/merchant\/shop\/(?:index|home|list)$/.test(url.pathname)) return true;
    return hasAny(doc, '[data-shop-id].shop-header, .shop-home-header');
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'kwaixiaodian.com') || hostMatches(u.hostname, 'kuaishou.com'));
  },
});
