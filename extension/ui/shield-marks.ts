import type { Level } from '../../src/types';

/** The shield's outline (viewBox 0 0 30 30). */
export const SHIELD_OUTLINE = 'M15 2.5l10.5 4v7.8c0 6.6-4.4 11.6-10.5 13.6C8.9 25.9 4.5 20.9 4.5 14.3V6.5z';

/**
 * The sign drawn on the shield for a level (! for danger and warning, ? for caution, a dash where
 * nothing was found wrong or nothing read: never a check mark, which would claim a verification).
 */
export function shieldMark(level: Level): Record<string, string> {
  const stroke = { stroke: 'var(--mark, #fff)', 'stroke-linecap': 'round' };
  if (level === 'danger' || level === 'warning') return { d: 'M15 8.5v8M15 20.2v.3', ...stroke, 'stroke-width': '2.6' };
  if (level === 'caution') return { d: 'M11.6 11.2a3.4 3.4 0 1 1 4.6 3.2c-.8.4-1.2 1-1.2 1.9M15 20.2v.3', ...stroke, 'stroke-width': '2.4', fill: 'none' };
  return { d: 'M11 14.5h8', ...stroke, 'stroke-width': '2.4' };
}
