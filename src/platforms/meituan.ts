import { definePlatform } from './platform';
import { findLicenseLink, hasAny, hostMatches } from './helpers';

/*
 * Meituan (美团, incl. 美团外卖 and group-buying). Sources and confidence:
 * - Merchant pages www.meituan.com/meishi/<poiId>/ and /<city>/… /shop/<id> (public, medium);
 *   waimai h5 store pages at h5.waimai.meituan.com/waimai/mindex/menu (medium).
 * - Product pages: group-buy deals /deal/<id>.html (medium).
 * - License: stores show "商家资质"/"营业执照" (食品经营许可证 for restaurants) as a link; no public
 *   URL pattern we know of to build. Low confidence on the exact path.
 */

export default definePlatform({
  id: 'meituan',
  name: { 'zh-CN': '美团', 'zh-TW': '美團', en: 'Meituan' },
  matches: ['meituan.com', 'dianping.com'],
  isProductPage(url) {
    return /^\/deal\/\d+\.html$/.test(url.pathname);
  },
  isShopPage(url, doc) {
    if (/^\/meishi\/\d+\/?$/.test(url.pathname) || /^\/shop\/[\w-]+\/?$/.test(url.pathname)) return true;
    if (/\/waimai\/mindex\/menu$/.test(url.pathname)) return true;
    return hasAny(doc, '[data-poi-id].shop-header, .poi-header');
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'meituan.com') || hostMatches(u.hostname, 'dianping.com'));
  },
});
