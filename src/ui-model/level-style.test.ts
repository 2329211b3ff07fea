import { describe, expect, it } from 'vitest';
import { isLevel, LEVEL_STYLES, shouldExpand } from './level-style';

describe('level styles', () => {
  it('shows red "!" for danger, green check for ok, nothing for none', () => {
    expect(LEVEL_STYLES.danger).toMatchObject({ badgeText: '!', color: '#d93025' });
    expect(LEVEL_STYLES.ok.badgeText).toBe('✓');
    expect(LEVEL_STYLES.none.badgeText).toBe('');
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
