import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hintOffsets } from './hint-scan';
import { mayHoldHint, subtreeMayHoldHints } from './hint-words';

const el = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${html}</div></body></html>`);
  return document.getElementById('x') as unknown as Element;
};

describe('change relevance', () => {
  it('tells a change that could alter the verdict from one that cannot', () => {
    expect(subtreeMayHoldHints(el('<span>剩余 02:13:45</span><b>¥129.00</b>'))).toBe(false);
    expect(subtreeMayHoldHints(el('<p>统一社会信用代码：<span>见下</span></p>'))).toBe(true);
    expect(subtreeMayHoldHints(el('<a href="/x"><img alt="电子营业执照" src="a.png"></a>'))).toBe(true);
    expect(subtreeMayHoldHints(el('<a href="https://zzlz.gsxt.gov.cn/v?serial=1">x</a>'))).toBe(true);
    expect(subtreeMayHoldHints(el('<iframe src="/f.html"></iframe>'))).toBe(true);
  });
  it('says "maybe" wherever the hint scan finds something (the filter never hides a change)', () => {
    const pieces = ['统一社会信用代码', '執照', 'ICP', '京ICP备', '(京)', '9 1 4 4 0 1 0 1 M A 5 C K X 2 R 1 G', '91440101MA5CKX2R1G', '９１４４０１０１ＭＡ５ＣＫＸ２Ｒ１Ｇ', '02:13:45', '¥129.00', ' ', '\u200b', '号', '证', 'A', '1', '２'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (hintOffsets(text).length > 0) expect(mayHoldHint(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayHoldHint('剩余 02:13:45 ¥129.00')).toBe(false);
  });
});
