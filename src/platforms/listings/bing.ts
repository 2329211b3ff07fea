import { defineListing, offSiteHref } from './listing-site';

/*
 * Bing (cn.bing.com, the Chinese edition, and www.bing.com). Organic results are `li.b_algo` in
 * `#b_results`, the title an `h2 a`. The link is either the landing URL itself or a click-tracking
 * `bing.com/ck/a?…&u=a1<base64url of the URL>`, which is decoded here.
 */
function decodeTracking(href: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href);
    if (!/(^|\.)bing\.com$/.test(u.hostname) || u.pathname !== '/ck/a') return null;
    const param = u.searchParams.get('u');
    if (!param?.startsWith('a1')) return null;
    const b64 = param.slice(2).replace(/-/g, '+').replace(/_/g, '/');
    const text = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return /^https?:\/\//.test(text) ? text : null;
  } catch {
    return null;
  }
}

export default defineListing({
  id: 'bing',
  name: { 'zh-CN': '必应', 'zh-TW': 'Bing', en: 'Bing' },
  kind: 'search-engine',
  hosts: ['cn.bing.com', 'www.bing.com'],
  matches: ['*://cn.bing.com/search*', '*://www.bing.com/search*'],
  results: '#b_results > li.b_algo',
  title: 'h2 a',
  target(result, page) {
    const a = result.querySelector('h2 a');
    return decodeTracking(a?.getAttribute('href') ?? null) ?? offSiteHref(a, page, ['bing.com']);
  },
});
