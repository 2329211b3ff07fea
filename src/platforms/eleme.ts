import { definePlatform } from './platform';
import { findLicenseLink, hasAny, hostMatches } from './helpers';

/*
 * Ele.me (饿了么). Sources and confidence:
 * - Store pages www.ele.me/shop/<id> (legacy web, medium) and h5.ele.me/shop/#id=… (medium).
 * - Product pages: dishes live inside the store page; there is no separate product URL we know of.
 * - License: stores link "商家资质"/"食品安全档案" (食品经营许可证 + 营业执照) inside ele.me; no public URL
 *   pattern we know of to build. Low confidence on the exact path.
 */

export default definePlatform({
  id: 'eleme',
  name: { 'zh-CN': '饿了么', 'zh-TW': '餓了麼', en: 'Ele.me' },
  matches: ['ele.me', 'eleme.cn'],
  isProductPage() {
    return false;
  },
  isShopPage(url, doc) {
    if (/^\/shop\/?/.test(url.pathname)) return true;
    return hasAny(doc, '.shop-header[data-shop-id], [class*="shopheader"]');
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'ele.me') || hostMatches(u.hostname, 'eleme.cn'));
  },
});
