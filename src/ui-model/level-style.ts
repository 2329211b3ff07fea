import type { Level } from '../types';

/**
 * How a verdict level looks on the toolbar and in the panel. "No problem found" is a neutral slate,
 * never green, and never a check mark: with the lists we hold (or none loaded) we cannot know that a
 * shop is clean, only that we found nothing wrong. Every colour carries its text at ≥ 4.5:1.
 */
export interface LevelStyle {
  /** Badge background (also the panel's accent). */
  color: string;
  /** The badge's text colour on that background. */
  textColor: string;
  /** Ordering for "worst first": higher is worse. */
  rank: number;
}

export const LEVEL_STYLES: Readonly<Record<Level, LevelStyle>> = {
  danger: { color: '#c5221f', textColor: '#ffffff', rank: 4 },
  warning: { color: '#b54708', textColor: '#ffffff', rank: 3 },
  caution: { color: '#f9ab00', textColor: '#1f2328', rank: 2 },
  ok: { color: '#4f5b6b', textColor: '#ffffff', rank: 1 },
  none: { color: '#5f6368', textColor: '#ffffff', rank: 0 },
};

/**
 * The toolbar badge's text: "!" for danger and warning, "?" for caution; where nothing was found
 * wrong, the number of licence numbers read (a count, not a verdict); nothing where nothing was read.
 */
export function toolbarText(level: Level, numbersRead: number): string {
  if (level === 'danger' || level === 'warning') return '!';
  if (level === 'caution') return '?';
  if (level === 'ok' && numbersRead > 0) return numbersRead > 99 ? '99+' : String(numbersRead);
  return '';
}

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
