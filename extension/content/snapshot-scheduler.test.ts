import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlicedJob } from './snapshot-job';
import { SnapshotScheduler } from './snapshot-scheduler';

/** A job that finishes after `slices` steps (each step takes no fake time). */
function fakeJob(slices: number, log: string[]): SlicedJob<{ n: number }> {
  let left = slices;
  const job = {
    result: null as { n: number } | null,
    step() {
      log.push(`slice@${Math.round(performance.now())}`);
      if (--left === 0) job.result = { n: slices };
      return left === 0;
    },
  };
  return job;
}

describe('SnapshotScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a burst of change notices into one scan after the debounce', () => {
    const log: string[] = [];
    let scans = 0;
    const s = new SnapshotScheduler(() => fakeJob(1, log), () => scans++, { sliceMs: 12, debounceMs: 300, maxWaitMs: 3000, dutyCycle: 0.2 });
    for (let i = 0; i < 100; i++) s.request();
    vi.advanceTimersByTime(299);
    expect(scans).toBe(0);
    vi.advanceTimersByTime(10);
    expect(scans).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(scans).toBe(1);
  });

  it('runs a multi-slice job across several idle callbacks and reports once', () => {
    const log: string[] = [];
    const results: unknown[] = [];
    const s = new SnapshotScheduler(() => fakeJob(3, log), (r) => results.push(r));
    s.request(true);
    vi.advanceTimersByTime(100);
    expect(log).toHaveLength(3);
    expect(results).toHaveLength(1);
  });

  it('still rescans a page that never stops changing, at most every maxWait', () => {
    let scans = 0;
    const s = new SnapshotScheduler(() => fakeJob(1, []), () => scans++, { sliceMs: 12, debounceMs: 300, maxWaitMs: 1000, dutyCycle: 0.2 });
    for (let t = 0; t < 5000; t += 50) {
      s.request();
      vi.advanceTimersByTime(50);
    }
    expect(scans).toBeGreaterThanOrEqual(4);
    expect(scans).toBeLessThanOrEqual(6);
  });

  it('does nothing after destroy', () => {
    let scans = 0;
    const s = new SnapshotScheduler(() => fakeJob(1, []), () => scans++);
    s.request();
    s.destroy();
    s.request(true);
    vi.advanceTimersByTime(10_000);
    expect(scans).toBe(0);
  });
});
