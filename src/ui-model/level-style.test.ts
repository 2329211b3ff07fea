import { describe, expect, it } from 'vitest';
import { contrast } from '../../tests/unit/contrast';
import { isLevel, LEVEL_STYLES, shouldExpand, toolbarText } from './level-style';

const hue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return { r: r!, g: g!, b: b! };
};

describe('level styles', () => {
  it('marks the toolbar "!" for danger and warning, "?" for caution, a count of numbers read where nothing is wrong, never a check mark', () => {
    expect(toolbarText('danger', 3)).toBe('!');
    expect(toolbarText('warning', 0)).toBe('!');
    expect(toolbarText('caution', 2)).toBe('?');
    expect(toolbarText('ok', 2)).toBe('2');
    expect(toolbarText('ok', 240)).toBe('99+');
    expect(toolbarText('ok', 0)).toBe('');
    expect(toolbarText('none', 0)).toBe('');
    for (const level of ['danger', 'warning', 'caution', 'ok', 'none'] as const) for (const n of [0, 1, 5]) expect(toolbarText(level, n)).not.toMatch(/[✓✔]/);
  });
  it('is never green: "no problem found" is a neutral slate', () => {
    for (const [level, { color }] of Object.entries(LEVEL_STYLES)) {
      const { r, g, b } = hue(color);
      expect(g > r + 24 && g > b + 24, `${level} ${color} reads as green`).toBe(false);
    }
  });
  it('carries its badge text at 4.5:1 or more on every level', () => {
    for (const [level, { color, textColor }] of Object.entries(LEVEL_STYLES)) expect(contrast(color, textColor), level).toBeGreaterThanOrEqual(4.5);
  });
  it('ranks levels worst first', () => {
    const ranks = (['danger', 'warning', 'caution', 'ok', 'none'] as const).map((l) => LEVEL_STYLES[l].rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });
  it('opens the panel by itself for danger and warning only, unless asked always', () => {
    expect(shouldExpand('danger', 'warnings')).toBe(true);
    expect(shouldExpand('caution', 'warnings')).toBe(false);
    expect(shouldExpand('caution', 'always')).toBe(true);
    expect(shouldExpand('ok', 'always')).toBe(false);
  });
  it('narrows unknown values', () => {
    expect(isLevel('ok')).toBe(true);
    expect(isLevel('fine')).toBe(false);
    expect(isLevel(3)).toBe(false);
  });
});
