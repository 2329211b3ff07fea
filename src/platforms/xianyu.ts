import { definePlatform } from './platform';
import { findLicenseLink, hostMatches } from './helpers';

/*
 * Xianyu (闲鱼), second-hand marketplace: www.goofish.com (web, 2023–) and the legacy 2.taobao.com.
 * - Item pages www.goofish.com/item?id= (public share links, high); 2.taobao.com/item.htm?id= (legacy, medium).
 * - Seller pages www.goofish.com/personal?userId= (medium).
 * - Sellers are mostly individuals selling their own used goods, exempt from registration under
 *   电子商务法 第十条, so no license is expected and the license-missing rule stays quiet here.
 */

export default definePlatform({
  id: 'xianyu',
  name: { 'zh-CN': '闲鱼', 'zh-TW': '閒魚', en: 'Xianyu' },
  matches: ['goofish.com', '=2.taobao.com'],
  licenseExpected: false,
  isProductPage(url) {
    return /^\/item(?:\.htm)?$/.test(url.pathname) && url.searchParams.has('id');
  },
  isShopPage(url) {
    return /^\/personal$/.test(url.pathname) || (url.hostname === '2.taobao.com' && /^\/user\//.test(url.pathname));
  },
  licensePageUrl(url, doc) {
    return findLicenseLink(doc, url, (u) => hostMatches(u.hostname, 'goofish.com') || hostMatches(u.hostname, 'taobao.com'));
  },
});
