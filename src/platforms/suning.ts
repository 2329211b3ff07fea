import { definePlatform } from './platform';
import { findLicenseLink, hostMatches } from './helpers';

/*
 * Suning (苏宁易购). Sources and confidence:
 * - Product pages product.suning.com/<10-digit shop code>/<sku>.html (shop code 0000000000 is
 *   Suning's own store): long-standing public URL, high confidence.
 * - Shop pages shop.suning.com/<shop code>/index.html and shop.suning.com/<code>.html: medium.
 * - License page: shop headers link "证照信息" inside suning.com; we know of no stable URL pattern to
 *   build, so only such a link counts. Low confidence on the exact path.
 */

export default definePlatform({
  id: 'suning',
  name: { 'zh-CN': '苏宁易购', 'zh-TW': '蘇寧易購', en: 'Suning' },
  matches: ['suning.com'],
  isProductPage(url) {
    return (url.hostname === 'product.suning.com' && /^\/\d{10}\/\d+\.html$/.test(url.pathname)) || (url.hostname === 'm.suning.com' && /^\/product\/\d+\/\d+\.html$/.test(url.pathname));
  },
  isShopPage(url) {
    return url.hostname === 'shop.suning.com' && /^\/\d{6,10}(?:\/index)?\.html$|^\/\d{6,10}\/?$/.test(url.pathname);
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'suning.com'));
  },
});
