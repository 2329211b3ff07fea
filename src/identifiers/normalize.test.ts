import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('keeps the length of any text, so offsets stay valid', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(s).length === s.length));
  });
  it('folds full-width, case, Traditional label characters, dashes, spaces and invisibles', () => {
    expect(normalizeText('９１４４ＡＢｃｄ')).toBe('9144ABCD');
    expect(normalizeText('統一社會信用代碼 粵ICP備 京公網安備 號')).toBe('统一社会信用代码 粤ICP备 京公网安备 号');
    expect(normalizeText('经营性—2014–0008')).toBe('经营性-2014-0008');
    expect(normalizeText('a\u3000b\u00a0c\u200bd\ufeffe')).toBe('A B C\u200bD\u200bE');
    expect(normalizeText('【2014】')).toBe('〔2014〕');
  });
  it('returns plain text untouched (fast path)', () => {
    const s = '0123456789 ABC 简体中文 ￥';
    expect(normalizeText(s)).toBe(s);
  });
  it('compacts a shown value', () => {
    expect(compact(' ９１４４ ０１０１\u200b６８ ')).toBe('9144010168');
  });
});
