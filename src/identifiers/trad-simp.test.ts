import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldName } from '../lists/company-name';
import { normalizeText } from './normalize';
import { tradToSimp } from './trad-simp';

/** One of opencc-js's dictionaries: "T S|T S|…". */
async function dict(name: string): Promise<[string, string][]> {
  const mod = (await import(`opencc-js/dict/${name}`)) as { default: string };
  return mod.default.split('|').map((e) => e.split(' ') as [string, string]);
}

const isBmp = (c: string) => c.codePointAt(0)! < 0x10000;
/** Applies a one-character converter until nothing changes (OpenCC converts once: 薴 → 苧 → 苎). */
const settle = (convert: (s: string) => string, c: string) => {
  for (let i = 0; i < 8; i++) {
    const next = convert(c);
    if (next === c) break;
    c = next;
  }
  return c;
};
/** GB 2312 (GBK rows B0–F7): characters Simplified text uses in their own right. */
const inGb2312 = (c: string) => {
  const b = iconv.encode(c, 'gbk');
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
};

describe("the Traditional → Simplified table is OpenCC's, one character to one character", () => {
  it('every character OpenCC maps T→S folds to the same character in the scanner (BMP) and in names (all)', async () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const pairs = await dict('TSCharacters');
    expect(pairs.length).toBeGreaterThan(3000);
    let astral = 0;
    for (const [t] of pairs) {
      const s = settle(t2s, t);
      expect(Array.from(s)).toHaveLength(1);
      const folded = normalizeText(t);
      expect(folded.length).toBe(t.length);
      if (isBmp(t) && isBmp(s)) expect(folded, t).toBe(s);
      else {
        // A one-unit fold cannot turn one unit into two or two into one: the scanner leaves it.
        astral++;
        expect(folded, t).toBe(t);
      }
      expect(foldName(t), t).toBe(s);
    }
    expect(astral).toBeLessThan(pairs.length / 5);
  });

  it('Taiwan and Hong Kong variants fold, except characters Simplified text uses itself', async () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const tsKeys = new Set((await dict('TSCharacters')).map(([t]) => t));
    for (const [from, to] of [['tw', 'cn'], ['hk', 'cn']] as const) {
      const convert = OpenCC.Converter({ from, to });
      for (const [v] of from === 'tw' ? await dict('TWVariantsRev') : await dict('HKVariantsRev')) {
        // OpenCC's own T→S answer wins where it has one (顎 → 颚, not Taiwan's 齶 → 腭).
        const want = tsKeys.has(v) ? settle(t2s, v) : inGb2312(v) ? v : settle(convert, v);
        if (isBmp(v) && isBmp(want)) expect(normalizeText(v), v).toBe(want);
        expect(foldName(v), v).toBe(want);
      }
    }
    // 著 of 著名 is not 着, 峰 is not rewritten to 峯 and back, 台 stays 台.
    expect(normalizeText('著峰台吃才')).toBe('著峰台吃才');
    expect(normalizeText('衞滙裏峯綫鑫')).toBe('卫汇里峰线鑫');
  });

  it('compatibility ideographs fold to their unified character', () => {
    expect(normalizeText('\uf900\uf91f')).toBe('岂兰');
  });

  it("no character the scanner's patterns are written with is folded away", () => {
    // Patterns run on folded text: a pattern character the table rewrites could never match.
    const files = ['src/identifiers/labels.ts', 'src/identifiers/forms.ts', 'src/identifiers/permits.ts', 'src/scan/licenses.ts', 'src/scan/detect-text.ts', 'src/lists/company-name.ts'];
    for (const file of files) {
      const source = readFileSync(join(import.meta.dirname, '../..', file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      const folded = [...new Set(source.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? [])].filter((c) => tradToSimp().has(c.codePointAt(0)!));
      expect(folded, file).toEqual([]);
    }
  });
});
