import type { PageText } from './collect-text';

/**
 * An excerpt of page text around [start, end), as the page wrote it, for a human to recognize. Line
 * breaks are looked for within the excerpt's reach only: a page that repeats one sentence on one
 * long line must not make every find search the whole line (issue 15).
 */
export function excerpt(text: string, start: number, end: number, before = 20, after = 14): string {
  let from = Math.max(0, start - before);
  for (let i = start - 1; i >= from; i--) {
    if (text.charCodeAt(i) === NEWLINE) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + after);
  for (let i = end; i < to; i++) {
    if (text.charCodeAt(i) === NEWLINE) {
      to = i;
      break;
    }
  }
  const core = text.slice(from, to).replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ').trim();
  return `${from > 0 && text[from - 1] !== '\n' ? '…' : ''}${core}${to < text.length && text[to] !== '\n' ? '…' : ''}`;
}

const NEWLINE = 10;

/** Where a piece of evidence is: a span of one collected text, or an element (attribute, link). */
export type Location = { type: 'text'; page: PageText; start: number; end: number } | { type: 'element'; element: Element };

/** The element showing a piece of evidence, or null when it has left the page. */
export function elementOf(loc: Location | undefined): Element | null {
  if (!loc) return null;
  const el = loc.type === 'element' ? loc.element : elementAt(loc.page, loc.start);
  return el?.isConnected ? el : null;
}

/** The element holding the text at `offset` of a collected text. */
export function elementAt(page: PageText, offset: number): Element | null {
  const { starts, nodes } = page;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return nodes[lo]?.parentElement ?? null;
}
