/**
 * A text made of parts (a page's text nodes, in document order), read by offset without joining
 * them: joining a big page's text nodes costs as much as the browser's textContent, several times
 * what handing them over one by one costs. Parts are never empty, so offsets map to one part.
 */
export class PartText<Owner = unknown> {
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  readonly owners: Owner[] = [];
  length = 0;
  /** The part the last read fell in: reads mostly move a few characters at a time. */
  private cursor = 0;

  /** Appends a part; returns its start offset, or -1 for an empty one (not kept). */
  push(part: string, owner: Owner): number {
    if (!part.length) return -1;
    const start = this.length;
    this.parts.push(part);
    this.starts.push(start);
    this.owners.push(owner);
    this.length += part.length;
    return start;
  }

  /** Index of the part holding offset `at` (0 ≤ at < length). */
  partAt(at: number): number {
    const { starts } = this;
    const c = this.cursor;
    if (at >= starts[c]! && (c + 1 === starts.length || at < starts[c + 1]!)) return c;
    let lo = at >= starts[c]! ? c + 1 : 0;
    let hi = at >= starts[c]! ? starts.length - 1 : c - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return (this.cursor = lo);
  }

  /** The UTF-16 code at `at`, NaN outside the text (as String#charCodeAt). */
  charCodeAt(at: number): number {
    if (at < 0 || at >= this.length) return NaN;
    const p = this.partAt(at);
    return this.parts[p]!.charCodeAt(at - this.starts[p]!);
  }

  /** text[from, to), clamped to the text. */
  slice(from: number, to: number): string {
    from = Math.max(0, from);
    to = Math.min(this.length, to);
    if (from >= to) return '';
    let p = this.partAt(from);
    let out = '';
    for (let at = from; at < to; p++) {
      const start = this.starts[p]!;
      const part = this.parts[p]!;
      out += part.slice(at - start, Math.min(part.length, to - start));
      at = start + part.length;
    }
    return out;
  }
}
