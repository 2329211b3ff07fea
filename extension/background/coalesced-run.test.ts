import { describe, expect, it } from 'vitest';
import { CoalescedRun } from './coalesced-run';

describe('CoalescedRun', () => {
  it('runs one pass at a time, and calls during a pass make exactly one more', async () => {
    let active = 0;
    let most = 0;
    let passes = 0;
    let release: () => void = () => undefined;
    const job = new CoalescedRun(async () => {
      active++;
      most = Math.max(most, active);
      passes++;
      if (passes === 1) await new Promise<void>((r) => (release = r));
      active--;
    });
    const first = job.run();
    const second = job.run();
    const third = job.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(passes).toBe(2);
    expect(most).toBe(1);
    await job.run();
    expect(passes).toBe(3);
  });

  it('a failing pass rejects its callers and the next call runs again', async () => {
    let fail = true;
    const job = new CoalescedRun(async () => {
      if (fail) throw new Error('boom');
    });
    await expect(job.run()).rejects.toThrow('boom');
    fail = false;
    await expect(job.run()).resolves.toBeUndefined();
    await expect(job.settled()).resolves.toBeUndefined();
  });
});
