import type { Level } from '../../src/types';

/** The shield mark, with a sign for the level (!, ?, ✓ or blank). */
export function Shield({ level, fill = 'currentColor' }: { level: Level; fill?: string }) {
  const mark =
    level === 'danger' || level === 'warning' ? (
      <path d="M15 8.5v8M15 20.2v.3" stroke="var(--mark, #fff)" stroke-width="2.6" stroke-linecap="round" />
    ) : level === 'caution' ? (
      <path d="M11.6 11.2a3.4 3.4 0 1 1 4.6 3.2c-.8.4-1.2 1-1.2 1.9M15 20.2v.3" stroke="var(--mark, #fff)" stroke-width="2.4" fill="none" stroke-linecap="round" />
    ) : level === 'ok' ? (
      <path d="M10 15.2l3.4 3.4 6.6-7" stroke="var(--mark, #fff)" stroke-width="2.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
    ) : (
      <path d="M11 14.5h8" stroke="var(--mark, #fff)" stroke-width="2.4" stroke-linecap="round" />
    );
  return (
    <svg viewBox="0 0 30 30" aria-hidden="true" focusable="false">
      <path d="M15 2.5l10.5 4v7.8c0 6.6-4.4 11.6-10.5 13.6C8.9 25.9 4.5 20.9 4.5 14.3V6.5z" fill={fill} />
      {mark}
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
