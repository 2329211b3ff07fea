import { defineListing, httpUrl } from './listing-site';

/*
 * Sogou web search (www.sogou.com/web?query=…). Results are `.vrwrap` / `.rb` blocks in `.results`,
 * the title an `h3 a` that goes through www.sogou.com/link?url=<opaque>. The landing URL is in a
 * `data-url` attribute of the block (or an element in it); failing that, the green address line
 * (`cite`) names the site.
 */
export default defineListing({
  id: 'sogou',
  name: { 'zh-CN': '搜狗搜索', 'zh-TW': '搜狗搜尋', en: 'Sogou' },
  kind: 'search-engine',
  hosts: ['www.sogou.com'],
  matches: ['*://www.sogou.com/web*', '*://www.sogou.com/sogou*'],
  results: '.results > .vrwrap, .results > .rb',
  title: 'h3 a',
  target(result, page) {
    const withUrl = result.matches('[data-url]') ? result : result.querySelector('[data-url]');
    const cite = result.querySelector('cite')?.textContent?.split(/\s/)[0]?.replace(/[›>].*$/, '');
    return httpUrl(withUrl?.getAttribute('data-url'), page) ?? httpUrl(cite, page);
  },
});
