import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hintOffsets, subtreeHasHints } from './regions';

const el = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${html}</div></body></html>`);
  return document.getElementById('x') as unknown as Element;
};

describe('hints', () => {
  it('finds labels, forms and claims in any width and script, and real codes only', () => {
    expect(hintOffsets('售价 ¥99 倒计时 02:13:45 订单号 914401016813255470')).toEqual([]);
    expect(hintOffsets('統一社會信用代碼').length).toBeGreaterThan(0);
    expect(hintOffsets('粵ＩＣＰ備').length).toBeGreaterThan(0);
    expect(hintOffsets('x 9144 0101 6813 2554 7Y y')).toEqual([2]);
  });

  it('tells a change that could alter the verdict from one that cannot', () => {
    expect(subtreeHasHints(el('<span>剩余 02:13:45</span><b>¥129.00</b>'))).toBe(false);
    expect(subtreeHasHints(el('<p>统一社会信用代码：<span>见下</span></p>'))).toBe(true);
    expect(subtreeHasHints(el('<a href="/x"><img alt="电子营业执照" src="a.png"></a>'))).toBe(true);
    expect(subtreeHasHints(el('<a href="https://zzlz.gsxt.gov.cn/v?serial=1">x</a>'))).toBe(true);
    expect(subtreeHasHints(el('<iframe src="/f.html"></iframe>'))).toBe(true);
  });
});
