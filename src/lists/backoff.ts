/** Retry delay after `failures` consecutive failed syncs: 1 min, 2, 4 … capped at 12 hours. */
export function backoffDelay(failures: number, baseMs = 60_000, maxMs = 12 * 3_600_000): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(30, failures - 1));
}
