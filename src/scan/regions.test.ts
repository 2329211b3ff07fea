import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { subtreeHasHints } from './regions';

const el = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${html}</div></body></html>`);
  return document.getElementById('x') as unknown as Element;
};

describe('change relevance', () => {
  it('tells a change that could alter the verdict from one that cannot', () => {
    expect(subtreeHasHints(el('<span>剩余 02:13:45</span><b>¥129.00</b>'))).toBe(false);
    expect(subtreeHasHints(el('<p>统一社会信用代码：<span>见下</span></p>'))).toBe(true);
    expect(subtreeHasHints(el('<a href="/x"><img alt="电子营业执照" src="a.png"></a>'))).toBe(true);
    expect(subtreeHasHints(el('<a href="https://zzlz.gsxt.gov.cn/v?serial=1">x</a>'))).toBe(true);
    expect(subtreeHasHints(el('<iframe src="/f.html"></iframe>'))).toBe(true);
  });
});
