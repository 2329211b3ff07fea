import { definePlatform } from './platform';
import { findLicenseLink, hostMatches } from './helpers';

/*
 * Vipshop (唯品会), vip.com. Sources and confidence:
 * - Product pages detail.vip.com/detail-<brandId>-<productId>.html and m.vip.com/product-<a>-<b>.html:
 *   long-standing public URLs, high confidence.
 * - Brand "shop" pages list.vip.com/autolist.html?rule_id= and category.vip.com (medium); Vipshop is
 *   mostly a self-operated retailer, so brand pages stand in for shops.
 * - License: the footer links Vipshop's own 营业执照 / 证照信息; third-party shop licenses have no
 *   public URL pattern we know of, so a labelled link on vip.com counts. Medium confidence.
 */

export default definePlatform({
  id: 'vipshop',
  name: { 'zh-CN': '唯品会', 'zh-TW': '唯品會', en: 'Vipshop' },
  matches: ['vip.com', 'vipshop.com'],
  isProductPage(url) {
    return (url.hostname === 'detail.vip.com' && /^\/detail-\d+-\d+\.html$/.test(url.pathname)) || (url.hostname === 'm.vip.com' && /^\/product-\d+-\d+\.html$/.test(url.pathname));
  },
  isShopPage(url) {
    return (url.hostname === 'list.vip.com' && /^\/autolist\.html$/.test(url.pathname)) || url.hostname === 'category.vip.com';
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'vip.com') || hostMatches(u.hostname, 'vipshop.com'));
  },
});
