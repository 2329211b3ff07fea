import { definePlatform } from './platform';
import { findLicenseLink, hostMatches } from './helpers';

/*
 * Dangdang (当当). Sources and confidence:
 * - Product pages product.dangdang.com/<id>.html: long-standing public URL, high confidence.
 * - Shop pages shop.dangdang.com/<id>: medium.
 * - License: third-party shops show "证照信息"/"营业执照" links on dangdang.com; no URL pattern we
 *   know of to build. Low confidence on the exact path.
 */

export default definePlatform({
  id: 'dangdang',
  name: { 'zh-CN': '当当', 'zh-TW': '噹噹', en: 'Dangdang' },
  matches: ['dangdang.com'],
  isProductPage(url) {
    return (url.hostname === 'product.dangdang.com' || url.hostname === 'product.m.dangdang.com') && /^\/\d+\.html$/.test(url.pathname);
  },
  isShopPage(url) {
    return url.hostname === 'shop.dangdang.com' && /^\/\d+/.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'dangdang.com'));
  },
});
