import { defineListing, httpUrl } from './listing-site';

/*
 * Taobao search (s.taobao.com/search?q=…) and Tmall's product list (list.tmall.com). Each item links
 * to its shop, which on these platforms has a host of its own (shop123.taobao.com, name.tmall.com):
 * that host is what the lists and the shopper's own lists can name. The item cards' class names are
 * generated (`Card--doubleCardWrapper--…`), so they are matched by their stable prefix.
 */
export default defineListing({
  id: 'taobao-search',
  name: { 'zh-CN': '淘宝/天猫搜索', 'zh-TW': '淘寶/天貓搜尋', en: 'Taobao/Tmall search' },
  kind: 'shopping',
  hosts: ['s.taobao.com', 'list.tmall.com'],
  matches: ['*://s.taobao.com/search*', '*://list.tmall.com/search_product.htm*'],
  results: '[class*="Card--doubleCardWrapper"], .items > .item, .product',
  title: '[class*="Title--title"], .title a, .productTitle a',
  target(result, page) {
    const shop = result.querySelector('a[class*="ShopInfo--shopName"], a.shopname, .productShop a, a[href*="store.taobao.com"]');
    return httpUrl(shop?.getAttribute('href'), page);
  },
});
