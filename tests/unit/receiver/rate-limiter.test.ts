import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/tools/receiver/rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then one per refill interval, per client', () => {
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 });
    const at = (t: number, c = 'a') => limiter.take(c, t).ok;
    expect([at(0), at(0), at(0), at(0)]).toEqual([true, true, true, false]);
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(at(0, 'b')).toBe(true);
    expect(at(1000)).toBe(false);
    expect(at(2000)).toBe(true);
    expect(at(2000)).toBe(false);
    // Never more than the capacity after a long pause.
    expect([at(1e9), at(1e9), at(1e9), at(1e9)]).toEqual([true, true, true, false]);
  });

  it('keeps its memory bounded under a flood from many addresses', () => {
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1 });
    for (let i = 0; i < 25_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    const size = (limiter as unknown as { buckets: Map<string, unknown> }).buckets.size;
    expect(size).toBeLessThanOrEqual(10_000);
  });
});
