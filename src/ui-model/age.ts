/** How old something is, in the unit a person would say it in. */
export type Age = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; n: number };

export function ageOf(at: number, now: number): Age {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', n: Math.floor(minutes / 60) };
  return { unit: 'days', n: Math.floor(minutes / 1440) };
}
