import type { Level } from '../../src/types';
import { SHIELD_OUTLINE, shieldMark } from './shield-marks';

/** The shield mark, with a sign for the level (!, ? or a dash; never a check mark). */
export function Shield({ level, fill = 'currentColor' }: { level: Level; fill?: string }) {
  return (
    <svg viewBox="0 0 30 30" aria-hidden="true" focusable="false">
      <path d={SHIELD_OUTLINE} fill={fill} />
      <path {...shieldMark(level)} />
    </svg>
  );
}

const glyph = (d: string) =>
  function Glyph() {
    return (
      <svg class="lz-glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={d} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
    );
  };

/** Opens an official site in a new tab. */
export const ExternalGlyph = glyph('M9 3h4v4M13 3L7.5 8.5M11 9.5V13H3V5h3.5');
/** Copies the number, then opens the site. */
export const CopyGlyph = glyph('M5.5 5.5V3h7.5v7.5h-2.5M3 5.5h7.5V13H3z');
/** Points at the evidence on the page. */
export const LocateGlyph = glyph('M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3M8 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6z');
