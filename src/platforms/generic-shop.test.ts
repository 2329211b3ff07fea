import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectGenericShop } from './generic-shop';

const doc = (body: string, head = '') => parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const codes = (d: Document) => detectGenericShop(d).signals.map((s) => s.code);

describe('detectGenericShop', () => {
  it('reads schema.org Product microdata, in any letter case', () => {
    const d = doc('<div itemscope itemtype="https://Schema.org/Product"><span itemprop="price" content="12.50">12.50</span></div><input type="submit" value="Add to cart">');
    expect(codes(d)).toEqual(expect.arrayContaining(['microdata-product', 'price', 'buy-button']));
    expect(detectGenericShop(d).confidence).toBe('high');
  });

  it('finds Product inside a JSON-LD @graph', () => {
    const d = doc('<p>¥ 88</p>', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Thing","Product"]}]}</script>');
    expect(codes(d)).toContain('schema-product');
    expect(detectGenericShop(d).confidence).toBe('high');
  });

  it('counts 加入购物车 once, as a buy button, not also as a cart', () => {
    expect(codes(doc('<button>加入购物车</button>'))).toEqual(['buy-button']);
  });

  it('reads full-width prices and Traditional buttons', () => {
    const d = doc('<p>售價 ￥１２９.００</p><a role="button" href="#">加入購物車</a>');
    expect(codes(d)).toEqual(expect.arrayContaining(['price', 'buy-button']));
  });

  it('does not call a price list or an article a shop', () => {
    expect(detectGenericShop(doc('<p>油价 ¥7.8/升</p>')).confidence).toBe('low');
    expect(detectGenericShop(doc('<p>今日新闻</p>')).confidence).toBe('none');
    // A long sentence that merely contains the words is not a button.
    expect(codes(doc('<a href="/help">如何把商品加入购物车并立即购买？请阅读帮助中心的说明文章</a>'))).not.toContain('buy-button');
  });

  it('ignores broken and oversized JSON-LD', () => {
    const huge = `{"@type":"Product","x":"${'a'.repeat(200_000)}"}`;
    const d = doc('', `<script type="application/ld+json">{broken</script><script type="application/ld+json">${huge}</script>`);
    expect(codes(d)).toEqual([]);
  });
});
