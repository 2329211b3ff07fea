import { describe, expect, it } from 'vitest';
import { ageOf } from './age';

describe('ageOf', () => {
  it('says minutes, hours, then days', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(ageOf(now - 20_000, now)).toEqual({ unit: 'now' });
    expect(ageOf(now - 5 * 60_000, now)).toEqual({ unit: 'minutes', n: 5 });
    expect(ageOf(now - 3 * 3_600_000, now)).toEqual({ unit: 'hours', n: 3 });
    expect(ageOf(now - 47 * 3_600_000, now)).toEqual({ unit: 'hours', n: 47 });
    expect(ageOf(now - 9 * 86_400_000, now)).toEqual({ unit: 'days', n: 9 });
    expect(ageOf(now + 60_000, now)).toEqual({ unit: 'now' }); // a clock that moved back is no future
  });
});
