import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HintScanner, hintOffsets, hintOffsetsSlow } from './hint-scan';

/** Characters of the hints, brackets, digits, glue and fillers, so that hints start at every parity. */
const char = fc.constantFrom(...'执执照照照證代码碼注册号號税纳许可备案资格质批准登记证ICPＩＣicpnJYjSCAB12１２.-国(（)）京粤网文食安公工商红盾经营性械新出所有者主办诚信用示档 x0'.split(''));
const piece = fc.oneof(
  char,
  fc.constantFrom('91440101681325547Y', '9144 0101 6813 2554 7Y', '９１４４０１０１６８１３２５５４７Ｙ', '9\u200b1440101681325547Y', '9 1 4 4 0 1 0 1 6 8 1 3 2 5 5 4 7 Y', '    ', '\u3000', '1234567', ' 12', '(京)', '（粤）'),
);

/** Feeds `text` to a scanner cut at `cuts` (as a page's text nodes would be). */
function scanInParts(text: string, cuts: number[]): number[] {
  const scanner = new HintScanner<number>();
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, text.length]) {
    scanner.add(text.slice(from, to), from);
    from = Math.max(from, to);
  }
  return scanner.finish();
}

describe('hint scan', () => {
  it('finds labels, forms and claims in any width and script, and real codes only', () => {
    expect(hintOffsets('售价 ¥99 倒计时 02:13:45 订单号 914401016813255470')).toEqual([]);
    expect(hintOffsets('統一社會信用代碼').length).toBeGreaterThan(0);
    expect(hintOffsets('粵ＩＣＰ備').length).toBeGreaterThan(0);
    expect(hintOffsets('x 9144 0101 6813 2554 7Y y')).toEqual([2]);
    expect(hintOffsets('x执照')).toEqual([1]);
    expect(hintOffsets('x(京)y（粤）')).toEqual([1, 5]);
    // Spaced out so that every digit sits at an odd offset.
    expect(hintOffsets('x9 1 4 4 0 1 0 1 6 8 1 3 2 5 5 4 7 Y')).toEqual([1]);
  });

  it('looks at every second character and still finds what a regex at every offset finds', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(hintOffsets(text)).toEqual(hintOffsetsSlow(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('finds the same when the text comes in parts, whatever the cuts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(400), { maxLength: 12 }), (pieces, cuts) => {
        const text = pieces.join('');
        expect(scanInParts(text, cuts)).toEqual(hintOffsetsSlow(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads thousands of whitespace-joined numbers as bounded pieces and still finds the code among them', () => {
    const long = Array.from({ length: 400 }, (_, i) => String(100000 + i * 7)).join(' ');
    const text = `${long} 91440101681325547Y ${long}`;
    expect(hintOffsets(text)).toEqual(hintOffsetsSlow(text));
    expect(hintOffsets(text)).toContain(long.length + 1);
  });
});
