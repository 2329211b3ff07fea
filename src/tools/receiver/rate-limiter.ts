/** Token-bucket settings: a burst of `capacity` requests, then `refillPerSecond` on average. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 0.2 };
const MAX_CLIENTS = 10_000;

/**
 * Per-client token buckets, in memory only (the address is never stored on disk). The map is
 * bounded: when full, buckets that have refilled completely carry no information and are dropped.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** Takes one token for `client`; when none is left, says how many seconds until one is. */
  take(client: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const { capacity, refillPerSecond } = this.limit;
    const bucket = this.buckets.get(client) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    if (!this.buckets.has(client)) {
      if (this.buckets.size >= MAX_CLIENTS) this.prune(now);
      this.buckets.set(client, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
  }

  private prune(now: number): void {
    const { capacity, refillPerSecond } = this.limit;
    for (const [client, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(client);
    }
    // Still full (a flood from many addresses): forget the oldest half rather than grow without bound.
    if (this.buckets.size >= MAX_CLIENTS) {
      let n = 0;
      for (const client of this.buckets.keys()) if (n++ < MAX_CLIENTS / 2) this.buckets.delete(client);
    }
  }
}
