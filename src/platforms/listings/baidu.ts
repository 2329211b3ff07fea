import { defineListing, httpUrl } from './listing-site';

/*
 * Baidu web search (www.baidu.com/s?wd=…). Each organic result is a `.c-container` under
 * `#content_left` whose `mu` attribute holds the landing URL in clear; the title link itself goes
 * through www.baidu.com/link?url=<opaque>, which says nothing. Results without `mu` (Baidu's own
 * cards, some ads) are left unmarked.
 */
export default defineListing({
  id: 'baidu',
  name: { 'zh-CN': '百度搜索', 'zh-TW': '百度搜尋', en: 'Baidu' },
  kind: 'search-engine',
  hosts: ['www.baidu.com'],
  matches: ['*://www.baidu.com/s*', '*://www.baidu.com/baidu*'],
  results: '#content_left .c-container[mu]',
  title: 'h3 a',
  target: (result, page) => httpUrl(result.getAttribute('mu'), page),
});
