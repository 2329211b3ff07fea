import { defineListing, offSiteHref, httpUrl } from './listing-site';

/*
 * 360 搜索 (www.so.com/s?q=…). Results are `li.res-list` in `.result`, the title an `h3 a` whose
 * `data-mdurl` holds the landing URL (the href may go through www.so.com/link?m=…).
 */
export default defineListing({
  id: 'so360',
  name: { 'zh-CN': '360搜索', 'zh-TW': '360搜尋', en: '360 Search' },
  kind: 'search-engine',
  hosts: ['www.so.com'],
  matches: ['*://www.so.com/s*'],
  results: '.result > li.res-list',
  title: 'h3 a',
  target(result, page) {
    const a = result.querySelector('h3 a');
    return httpUrl(a?.getAttribute('data-mdurl'), page) ?? offSiteHref(a, page, ['so.com']);
  },
});
