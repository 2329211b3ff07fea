import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { licencePictures } from './licence-pictures';

const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const srcs = (body: string, url = 'https://shop.example/about') => licencePictures(doc(body), url).map((p) => `${p.why} ${p.src}`);

describe('licencePictures: which pictures are read as licences', () => {
  it('takes a picture by its alt, its file name or the licence region it stands in', () => {
    expect(srcs('<img src="/a.jpg" alt="营业执照">')).toEqual(['alt https://shop.example/a.jpg']);
    expect(srcs('<img src="/img/yyzz_2024.png">')).toEqual(['file https://shop.example/img/yyzz_2024.png']);
    expect(srcs('<div><h3>證照信息</h3><p><img src="/x/123.jpg"></p></div>')).toEqual(['region https://shop.example/x/123.jpg']);
  });

  it('never takes product photos, icons or a picture in a long page region', () => {
    expect(srcs('<div><img src="/p/shirt.jpg" alt="纯棉短袖"><img src="/p/2.jpg"></div>')).toEqual([]);
    expect(srcs('<img src="/icon/yyzz.png" width="32" height="32">')).toEqual([]);
    // A verification badge: the picture links to where it claims to verify.
    expect(srcs('<a href="http://fake-gsxt.example.net/v"><img alt="电子营业执照亮照" src="/b.png"></a>')).toEqual([]);
    // A thumbnail that opens the full-size licence is still the licence.
    expect(srcs('<a href="/img/licence-big.jpg"><img alt="营业执照" src="/img/licence-small.jpg"></a>')).toEqual(['alt https://shop.example/img/licence-small.jpg']);
    const long = '<p>' + '商品详情'.repeat(200) + '营业执照</p>';
    expect(srcs(`<div>${long}<img src="/p/3.jpg"></div>`)).toEqual([]);
  });

  it("takes every picture of a platform's licence page, and at most three", () => {
    const tmall = 'https://zhaoshang.tmall.com/maintaininfo/liangzhao.htm?xid=abc';
    const many = Array.from({ length: 5 }, (_, i) => `<img src="/l${i}.png">`).join('');
    expect(licencePictures(doc(many), tmall)).toHaveLength(3);
    expect(licencePictures(doc(many), 'https://www.tmall.com/item.htm?id=1')).toHaveLength(0);
  });
});
