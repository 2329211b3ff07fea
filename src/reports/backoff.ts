/** Retry timing of the outbox: exponential, capped, with jitter so many clients do not retry in step. */
export const BACKOFF = {
  baseMs: 30_000,
  capMs: 6 * 60 * 60_000,
} as const;

/**
 * Delay before the next attempt after `attempts` failed ones (1 → about 30 s, doubling up to 6 h).
 * "Equal jitter": half the delay is fixed, half random, so a retry is never immediate. A server's
 * Retry-After is honoured when longer, still within the cap.
 */
export function retryDelay(attempts: number, random: () => number, retryAfterMs: number | null = null): number {
  const exp = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.round(Math.min(BACKOFF.capMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`; null when absent or bad. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
