import { describe, expect, it } from 'vitest';
import type { PictureEngineStatus } from '../protocol/messages';
import { PictureProgress } from './picture-progress';

describe('PictureProgress: the reader’s status while pictures are read', () => {
  it('asks until the reader is ready, passing each answer on', async () => {
    const answers: PictureEngineStatus[] = [
      { phase: 'cold', progress: 0 },
      { phase: 'loading', progress: 0.2 },
      { phase: 'loading', progress: 0.45 },
      { phase: 'ready', progress: 1 },
    ];
    let asked = 0;
    const seen: PictureEngineStatus[] = [];
    await new Promise<void>((done) => {
      new PictureProgress(
        async () => answers[asked++]!,
        (s) => {
          seen.push(s);
          if (s.phase === 'ready') setTimeout(done, 20);
        },
        1,
      ).start();
    });
    expect(seen).toEqual(answers);
    expect(asked).toBe(4);
  });

  it('stops when told, and a failed question is asked again', async () => {
    let asked = 0;
    const progress = new PictureProgress(
      async () => {
        asked++;
        if (asked === 1) throw new Error('worker restarting');
        return { phase: 'loading', progress: 0.1 };
      },
      () => undefined,
      1,
    );
    progress.start();
    progress.start(); // one loop only
    await expect.poll(() => asked).toBeGreaterThanOrEqual(3);
    progress.stop();
    const at = asked;
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toBeLessThanOrEqual(at + 1);
  });
});
