import { describe, expect, it } from 'vitest';
import { ScanQueue, SUPERSEDED } from './scan-queue';

/** A scan that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: async () => {
      open();
      // Let the queue start the next job.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('ScanQueue: one scan at a time, fair to every tab', () => {
  it('runs a waiting tab before a busy tab’s further snapshots', async () => {
    const log: string[] = [];
    const q = new ScanQueue();
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const a3 = gate(log, 'a3');
    const b1 = gate(log, 'b1');
    const ra1 = q.run(1, a1.job);
    const ra2 = q.run(1, a2.job);
    const rb1 = q.run(2, b1.job);
    // Tab 1 sends again while its second snapshot waits: the newer one replaces it.
    const ra3 = q.run(1, a3.job);
    expect(await ra2).toBe(SUPERSEDED);
    await a1.finish();
    expect(await ra1).toBe('a1');
    // Tab 2 was waiting before tab 1's newest snapshot came: it goes first.
    expect(log).toEqual(['start a1', 'end a1', 'start b1']);
    await b1.finish();
    expect(await rb1).toBe('b1');
    await a3.finish();
    expect(await ra3).toBe('a3');
    expect(log).toEqual(['start a1', 'end a1', 'start b1', 'end b1', 'start a3', 'end a3']);
  });

  it('a flood of snapshots from one tab costs another tab one scan of waiting, not all of them', async () => {
    const log: string[] = [];
    const q = new ScanQueue();
    const first = gate(log, 'hostile-0');
    q.run(1, first.job);
    const floods = Array.from({ length: 50 }, (_, i) => gate(log, `hostile-${i + 1}`));
    const replies = floods.map((f) => q.run(1, f.job));
    const other = gate(log, 'other');
    const reply = q.run(2, other.job);
    await first.finish();
    // The flood's newest snapshot came before the other tab's: it runs, and only it.
    await floods.at(-1)!.finish();
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start hostile-0', 'start hostile-50', 'start other']);
    await other.finish();
    expect(await reply).toBe('other');
    // All but the newest of the flood were replaced without running.
    expect((await Promise.all(replies.slice(0, -1))).every((r) => r === SUPERSEDED)).toBe(true);
  });

  it('a failed scan answers its own caller and the queue goes on', async () => {
    const q = new ScanQueue();
    const failing = q.run(1, async () => {
      throw new Error('engine gone');
    });
    const next = q.run(2, async () => 'ok');
    await expect(failing).rejects.toThrow('engine gone');
    expect(await next).toBe('ok');
  });

  it('forgets a closed tab’s waiting scan', async () => {
    const log: string[] = [];
    const q = new ScanQueue();
    const running = gate(log, 'a');
    q.run(1, running.job);
    const waiting = q.run(2, gate(log, 'b').job);
    q.forgetTab(2);
    expect(await waiting).toBe(SUPERSEDED);
    await running.finish();
    expect(log).toEqual(['start a', 'end a']);
  });
});
