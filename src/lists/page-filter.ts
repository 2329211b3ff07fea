import { HASH_BYTES, RECORD_BYTES } from '../feed/format';

/**
 * A Bloom filter per page (16 bits per record, 11 probes: ~0.05 % false positives). Lookups keep the
 * filters of a generation in memory and read a page only when its filter says the hash may be
 * there: most identifiers on a page are on no list, and a page that is not in memory costs a round
 * trip to IndexedDB, which is the whole tail of the lookup time. With 8 bits per record (~2 %) one
 * lookup of ten unlisted identifiers in six still read a page; with 12 (~0.3 %) one in thirty did,
 * and so did one navigation in sixty (a host and its parents, in each feed: six questions), which
 * made the block decision's p99 a database read (2 ms; issue 16 asks ≤ 1 ms). With 16, one
 * navigation in about 360 reads a page, for half a byte more per entry (2 bytes: 2 MB of memory for
 * a million entries). A filter has no false negatives, so skipping a page it rules out never hides
 * a listed key.
 */
const BITS_PER_RECORD = 16;
/** Probes of the filters {@link buildFilter} makes (stored with them: a filter is read with its own count). */
export const FILTER_PROBES = 11;
/** Probes of filter rows stored without a count (8 bits per record, before 2026-12; 12 bits had 8 probes, stored). */
export const LEGACY_FILTER_PROBES = 6;

const TWO32 = 4294967296;

/**
 * The probe positions (double hashing) come from bytes 3–6 of the hash: bytes 0–2 are nearly the
 * same for all records of a page. A probe is reduced to [0, bits) by multiplying, not by `%`.
 */
const h1Of = (hash: Uint8Array, at: number) => ((hash[at + 3]! << 24) | (hash[at + 4]! << 16) | (hash[at + 5]! << 8) | hash[at + 6]!) >>> 0;
const h2Of = (h1: number) => (Math.imul(h1 ^ (h1 >>> 16), 0x45d9f3b) >>> 0) | 1;

/** The filter of a page (sorted 8-byte records); the shape is a parameter for tests of older filters. */
export function buildFilter(page: Uint8Array, { bitsPerRecord = BITS_PER_RECORD, probes = FILTER_PROBES } = {}): Uint8Array {
  const n = page.length / RECORD_BYTES;
  const filter = new Uint8Array(Math.max(8, Math.ceil((n * bitsPerRecord) / 8)));
  const bits = filter.length * 8;
  for (let off = 0; off < page.length; off += RECORD_BYTES) {
    const h1 = h1Of(page, off);
    const h2 = h2Of(h1);
    for (let i = 0; i < probes; i++) {
      const b = ((((h1 + Math.imul(i, h2)) >>> 0) * bits) / TWO32) | 0;
      filter[b >>> 3]! |= 1 << (b & 7);
    }
  }
  return filter;
}

/**
 * False when the page certainly holds no record of `hash` (its first 7 bytes); true when it may.
 * `probes`: the count the filter was built with (more would give false negatives).
 */
export function mayContain(filter: Uint8Array, hash: Uint8Array, probes = FILTER_PROBES): boolean {
  if (hash.length < HASH_BYTES) return true;
  const bits = filter.length * 8;
  const h1 = h1Of(hash, 0);
  const h2 = h2Of(h1);
  for (let i = 0; i < probes; i++) {
    const b = ((((h1 + Math.imul(i, h2)) >>> 0) * bits) / TWO32) | 0;
    if (!(filter[b >>> 3]! & (1 << (b & 7)))) return false;
  }
  return true;
}
