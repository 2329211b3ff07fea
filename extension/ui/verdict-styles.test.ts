import { describe, expect, it } from 'vitest';
import { contrast } from '../../tests/unit/contrast';
import { PANEL_CSS } from '../panel/panel-styles';
import { VERDICT_BASE_CSS, VERDICT_CSS } from './verdict-styles';

/** The custom properties of the first `.lz { … }` block after `from` in `css`. */
function vars(css: string, from = 0): Record<string, string> {
  const block = /\.lz\s*\{([^}]*)\}/.exec(css.slice(from))![1]!;
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = vars(VERDICT_BASE_CSS);
const dark = { ...light, ...vars(VERDICT_BASE_CSS, VERDICT_BASE_CSS.indexOf('prefers-color-scheme: dark')) };
const LEVELS = ['danger', 'warning', 'caution', 'ok', 'none'] as const;

/** The text colour the styles put on a coloured header, chip or count, per theme and level. */
function onAccent(theme: 'light' | 'dark', level: string): string {
  if (theme === 'dark') return '#1f2023';
  return level === 'caution' ? '#1f2328' : '#ffffff';
}

describe('verdict colours: every text at 4.5:1 or more, in both themes and every level (WCAG AA)', () => {
  it('reads the themes it tests from the styles themselves', () => {
    expect(light.danger).toMatch(/^#/);
    expect(dark.danger).not.toBe(light.danger);
    // The header and chip text colours this test assumes are the ones the styles set.
    expect(VERDICT_CSS).toMatch(/\.lz-head \{[^}]*color: #fff;/);
    expect(VERDICT_CSS).toMatch(/\.lz\[data-level="caution"\] \.lz-head \{ color: #1f2328; \}/);
    expect(VERDICT_CSS).toMatch(/prefers-color-scheme: dark\) \{ \.lz \.lz-head \{ color: #1f2023; \}/);
    expect(VERDICT_CSS).toMatch(/prefers-color-scheme: dark\) \{ \.lz \.lz-chip \{ color: #1f2023; \}/);
    expect(PANEL_CSS).toMatch(/prefers-color-scheme: dark\) \{ \.lz \.lz-count \{ color: #1f2023; \}/);
  });
  for (const [theme, v] of [['light', light], ['dark', dark]] as const) {
    it.each(LEVELS)(`${theme}: the %s header, chips and count`, (level) => {
      expect(contrast(v[level]!, onAccent(theme, level))).toBeGreaterThanOrEqual(4.5);
    });
    it(`${theme}: body text, muted text, links and the "invalid" mark on the page and on grey surfaces`, () => {
      for (const bg of [v.bg!, v.surface!]) {
        expect(contrast(v.fg!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(v.muted!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(v.link!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(v.danger!, bg)).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(onAccent(theme, 'info'), v.info!)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
