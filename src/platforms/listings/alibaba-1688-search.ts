import { defineListing, httpUrl } from './listing-site';

/*
 * 1688 offer search (s.1688.com/selloffer/offer_search.htm?keywords=…). Each offer card names its
 * supplier with a link to the supplier's own host (shop1234.1688.com or <name>.1688.com).
 */
export default defineListing({
  id: 'alibaba-1688-search',
  name: { 'zh-CN': '1688 找货源', 'zh-TW': '1688 找貨源', en: '1688 offer search' },
  kind: 'shopping',
  hosts: ['s.1688.com'],
  matches: ['*://s.1688.com/selloffer/*'],
  results: '.sm-offer-item, .space-offer-card-box',
  title: '.title a, .mojar-element-title a',
  target(result, page) {
    return httpUrl(result.querySelector('a.company-name, .mojar-element-company a')?.getAttribute('href'), page);
  },
});
