import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * 256 temporary files keyed by the first byte of a hash. Rows are appended through small buffers,
 * so memory stays bounded whatever the input size; each bucket is later sorted on its own.
 */
export class Buckets {
  private readonly buffers: string[][] = Array.from({ length: 256 }, () => []);
  private readonly sizes = new Uint32Array(256);
  private readonly written = new Uint8Array(256);
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly flushAt = 64 * 1024,
  ) {}

  private path(b: number): string {
    return join(this.dir, `${this.prefix}-${b.toString(16).padStart(2, '0')}.tmp`);
  }

  /** Appends one line (no newline inside) to bucket b. */
  add(b: number, line: string): void {
    this.buffers[b]!.push(line);
    this.sizes[b]! += line.length;
    this.count++;
    if (this.sizes[b]! >= this.flushAt) this.flush(b);
  }

  private flush(b: number): void {
    const lines = this.buffers[b]!;
    if (!lines.length) return;
    appendFileSync(this.path(b), lines.join('\n') + '\n');
    this.written[b] = 1;
    this.buffers[b] = [];
    this.sizes[b] = 0;
  }

  /** The lines of bucket b (after flushing), then the bucket's file is removed. */
  take(b: number): string[] {
    this.flush(b);
    if (!this.written[b]) return [];
    const text = readFileSync(this.path(b), 'utf8');
    rmSync(this.path(b));
    this.written[b] = 0;
    return text.split('\n').filter(Boolean);
  }
}
