/** Which work goes first: the lines a verdict waits for, or the rest of a record. */
export type OcrPriority = 'first' | 'rest';

/**
 * One ONNX runtime runs one model at a time: the reader's steps take turns here. A waiting step of
 * the first kind (a new picture's detection, the lines its verdict needs) goes before any waiting
 * step of the rest, so the rest of one picture never holds back the verdict of the next; steps of
 * one kind go in the order they came.
 */
export class OcrQueue {
  private busy = false;
  private readonly waiting: Record<OcrPriority, (() => void)[]> = { first: [], rest: [] };

  async run<T>(priority: OcrPriority, step: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    this.busy = true;
    try {
      return await step();
    } finally {
      const next = this.waiting.first.shift() ?? this.waiting.rest.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}
