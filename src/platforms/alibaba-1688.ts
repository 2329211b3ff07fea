import { definePlatform } from './platform';
import { findLicenseLink, findLink, hostMatches, subdomainOf } from './helpers';

/*
 * 1688 (Alibaba wholesale). Sources and confidence:
 * - Product pages detail.1688.com/offer/<id>.html: long-standing public URL, high confidence.
 * - Shop pages <member>.1688.com (and shop<id>.1688.com): high.
 * - License: each shop has a 诚信档案 page <shop>.1688.com/page/creditdetail.htm that shows the
 *   registration data (企业名称, 统一社会信用代码, 注册资本…); medium confidence the path is current.
 */

const NOT_SHOPS = new Set(['www', 'detail', 's', 'search', 'login', 'work', 'trade', 'cart', 'm', 'show', 'sale', 'go', 'page', 'dj', 'air', 'ye', 'tuan', 'cui', 'rule', 'club', 'info', 'widget', 'offer', 'p4p', 'view']);

function shopOrigin(url: URL): string | null {
  const sub = subdomainOf(url.hostname, '1688.com');
  if (sub === null || NOT_SHOPS.has(sub) || url.hostname.split('.').length !== 3) return null;
  return `https://${url.hostname}`;
}

export default definePlatform({
  id: 'alibaba-1688',
  name: { 'zh-CN': '1688', 'zh-TW': '1688', en: '1688.com' },
  matches: ['1688.com'],
  isProductPage(url) {
    return url.hostname === 'detail.1688.com' && /^\/offer\/\d+\.html$/.test(url.pathname);
  },
  isShopPage(url) {
    return shopOrigin(url) !== null;
  },
  licensePageUrl(url, doc) {
    const credit = findLink(doc, url, (u) => hostMatches(u.hostname, '1688.com') && /\/page\/creditdetail\.htm$/.test(u.pathname));
    if (credit) return credit.href;
    const own = shopOrigin(url);
    if (own) return `${own}/page/creditdetail.htm`;
    // A product page links to its shop's home; the credit page sits under it.
    const shop = findLink(doc, url, (u) => shopOrigin(u) !== null);
    if (shop) return `${shopOrigin(shop)}/page/creditdetail.htm`;
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, '1688.com'));
  },
});
