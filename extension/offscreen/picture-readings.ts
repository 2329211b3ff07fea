import type { PictureFacts } from '../../src/types';

/** A reading of one picture: the whole of it, told `onFirst` the verdict's facts if they come first. */
export type ReadWhole = (onFirst: (facts: PictureFacts) => void) => Promise<PictureFacts>;

interface Reading {
  /** The verdict's facts (complete: false) or the whole reading, whichever came first. */
  first: Promise<PictureFacts>;
  whole: Promise<PictureFacts>;
  /** Were the first facts given to someone (a later ask then waits for the whole reading)? */
  given: boolean;
}

/**
 * The readings of the engine's document by picture (the most recently asked `size` kept): the first
 * ask of a picture is answered as soon as its verdict's facts are read, while the reading goes on;
 * every later ask of the same picture is answered with the whole reading (the content script asks
 * once more for a picture that came back incomplete). A reading that failed is not kept, so the
 * next ask tries again.
 */
export class PictureReadings {
  private readonly kept = new Map<string, Reading>();

  constructor(private readonly size: number) {}

  ask(key: string, read: ReadWhole): Promise<PictureFacts> {
    let reading = this.kept.get(key);
    if (reading) {
      // Kept as the most recently asked.
      this.kept.delete(key);
      this.kept.set(key, reading);
      if (reading.given) return reading.whole;
    } else {
      reading = start(read);
      this.kept.set(key, reading);
      if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
      void reading.whole.then(
        (facts) => facts.reason === 'reader-failed' && this.forget(key, reading!),
        () => this.forget(key, reading!),
      );
    }
    reading.given = true;
    return reading.first;
  }

  private forget(key: string, reading: Reading): void {
    if (this.kept.get(key) === reading) this.kept.delete(key);
  }
}

function start(read: ReadWhole): Reading {
  let settle!: (facts: PictureFacts) => void;
  const early = new Promise<PictureFacts>((resolve) => (settle = resolve));
  const whole = read((facts) => settle(facts));
  // Whichever comes first (a reading without early facts answers with the whole); a failure fails both.
  return { first: Promise.race([early, whole]), whole, given: false };
}
