import { applyDelta } from '../feed/delta';
import { RECORD_BYTES } from '../feed/format';
import { firstsOf, pageFor, splitPages } from './shard-pages';

/** A shard's pages in order, each with its stored key, or null for a page made by this merge. */
export interface PageSet {
  pages: Uint8Array[];
  keys: (number | null)[];
}

/** For each page, the [start, end) record range of `records` (sorted) that falls into it. */
function rangesByPage(firsts: Uint8Array, records: Uint8Array): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (let off = 0; off < records.length; off += RECORD_BYTES) {
    const p = Math.max(0, pageFor(firsts, records.subarray(off, off + RECORD_BYTES)));
    const r = out.get(p);
    if (r) r[1] = off + RECORD_BYTES;
    else out.set(p, [off, off + RECORD_BYTES]);
  }
  return out;
}

/**
 * Applies one delta's records of this shard (sorted `removed` and `added`) to its pages. Only the
 * pages a change falls into are merged (small merges, not the whole shard); the others keep their
 * key and are not written again. A merged page that grew past twice the page size is split; one
 * that became empty is dropped.
 */
export function applyToPages(set: PageSet, removed: Uint8Array, added: Uint8Array, pageRecords: number): PageSet {
  if (!removed.length && !added.length) return set;
  const pages = set.pages.length ? set.pages : [new Uint8Array(0)];
  const keys = set.pages.length ? set.keys : [null];
  const firsts = firstsOf(pages);
  const rem = rangesByPage(firsts, removed);
  const add = rangesByPage(firsts, added);
  const out: PageSet = { pages: [], keys: [] };
  const none: [number, number] = [0, 0];
  for (let i = 0; i < pages.length; i++) {
    if (!rem.has(i) && !add.has(i)) {
      out.pages.push(pages[i]!);
      out.keys.push(keys[i]!);
      continue;
    }
    const [r0, r1] = rem.get(i) ?? none;
    const [a0, a1] = add.get(i) ?? none;
    const merged = applyDelta(pages[i]!, removed.subarray(r0, r1), added.subarray(a0, a1));
    const parts = merged.length > 2 * pageRecords * RECORD_BYTES ? splitPages(merged, pageRecords) : merged.length ? [merged] : [];
    for (const part of parts) {
      out.pages.push(part);
      out.keys.push(null);
    }
  }
  return out;
}
