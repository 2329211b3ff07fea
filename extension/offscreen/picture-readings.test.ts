import { describe, expect, it } from 'vitest';
import type { PictureFacts } from '../../src/types';
import { PictureReadings, type ReadWhole } from './picture-readings';

const facts = (over: Partial<PictureFacts> = {}): PictureFacts => ({ picture: 'yyzz.jpg', status: 'read', identifiers: [], licence: null, qr: [], lines: [], ...over });

/** A reading the test drives: `early()` hands over the verdict's facts, `end()` finishes it. */
function controlled() {
  let onFirst!: (f: PictureFacts) => void;
  let finish!: (f: PictureFacts) => void;
  let fail!: (e: Error) => void;
  let started = 0;
  const read: ReadWhole = (first) => {
    started++;
    onFirst = first;
    return new Promise<PictureFacts>((resolve, reject) => ((finish = resolve), (fail = reject)));
  };
  return { read, early: (f: PictureFacts) => onFirst(f), end: (f: PictureFacts) => finish(f), fail: (e: Error) => fail(e), started: () => started };
}

describe('PictureReadings: the verdict’s facts first, the whole reading to the next ask', () => {
  it('answers the first ask with the early facts, and the next ask with the whole reading once it ends', async () => {
    const readings = new PictureReadings(4);
    const r = controlled();
    const first = readings.ask('a', r.read);
    r.early(facts({ complete: false, lines: ['top'] }));
    await expect(first).resolves.toMatchObject({ complete: false, lines: ['top'] });
    let again: PictureFacts | null = null;
    const asked = readings.ask('a', r.read).then((f) => (again = f));
    await Promise.resolve();
    expect(again).toBeNull();
    r.end(facts({ lines: ['top', 'rest'] }));
    await asked;
    expect(again).toMatchObject({ lines: ['top', 'rest'] });
    expect(again!.complete).toBeUndefined();
    expect(r.started()).toBe(1);
    // Asked once more later: the whole reading, not read again.
    await expect(readings.ask('a', r.read)).resolves.toMatchObject({ lines: ['top', 'rest'] });
    expect(r.started()).toBe(1);
  });

  it('a reading without early facts answers the first ask with the whole', async () => {
    const readings = new PictureReadings(4);
    const r = controlled();
    const first = readings.ask('a', r.read);
    r.end(facts({ lines: ['all'] }));
    await expect(first).resolves.toMatchObject({ lines: ['all'] });
  });

  it('a failed reading is not kept: the next ask reads again', async () => {
    const readings = new PictureReadings(4);
    const r = controlled();
    const first = readings.ask('a', r.read);
    r.end(facts({ status: 'unreadable', reason: 'reader-failed' }));
    await first;
    await Promise.resolve();
    const again = readings.ask('a', r.read);
    expect(r.started()).toBe(2);
    r.end(facts({ lines: ['all'] }));
    await expect(again).resolves.toMatchObject({ lines: ['all'] });
  });

  it('a reading that throws fails its ask and is not kept', async () => {
    const readings = new PictureReadings(4);
    const r = controlled();
    const first = readings.ask('a', r.read);
    r.fail(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await Promise.resolve();
    readings.ask('a', r.read).catch(() => undefined);
    expect(r.started()).toBe(2);
  });

  it('keeps only the most recently asked pictures', async () => {
    const readings = new PictureReadings(2);
    const r = controlled();
    for (const key of ['a', 'b', 'c']) {
      const asked = readings.ask(key, r.read);
      r.end(facts({ picture: key }));
      await asked;
    }
    expect(r.started()).toBe(3);
    await readings.ask('c', r.read);
    expect(r.started()).toBe(3);
    const a = readings.ask('a', r.read);
    expect(r.started()).toBe(4);
    r.end(facts({ picture: 'a' }));
    await a;
  });
});
