import type { Level } from '../types';

/** How a verdict level looks on the toolbar badge and in the panel. */
export interface LevelStyle {
  /** Badge background (also the panel's accent). */
  color: string;
  /** Short badge text; empty hides the badge. */
  badgeText: string;
  /** Ordering for "worst first": higher is worse. */
  rank: number;
}

export const LEVEL_STYLES: Readonly<Record<Level, LevelStyle>> = {
  danger: { color: '#d93025', badgeText: '!', rank: 4 },
  warning: { color: '#e8710a', badgeText: '!', rank: 3 },
  caution: { color: '#f9ab00', badgeText: '?', rank: 2 },
  ok: { color: '#188038', badgeText: '✓', rank: 1 },
  none: { color: '#5f6368', badgeText: '', rank: 0 },
};

export const LEVELS: readonly Level[] = ['danger', 'warning', 'caution', 'ok', 'none'];

/** Narrows an unknown value to a Level. */
export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Does this level call for the panel to open by itself? `warnings` opens only for danger and warning. */
export function shouldExpand(level: Level, opens: 'always' | 'warnings'): boolean {
  if (level === 'danger' || level === 'warning') return true;
  return opens === 'always' && level === 'caution';
}
