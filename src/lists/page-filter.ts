import { HASH_BYTES, RECORD_BYTES } from '../feed/format';

/**
 * A Bloom filter per page (8 bits per record, 6 probes: ~2 % false positives). Lookups keep the
 * filters of a generation in memory and read a page only when its filter says the hash may be
 * there: most identifiers on a page are on no list, and each page read is a database request.
 * A filter has no false negatives, so skipping a page it rules out never hides a listed key.
 */
const BITS_PER_RECORD = 8;
const PROBES = 6;

const TWO32 = 4294967296;

/**
 * The probe positions (double hashing) come from bytes 3–6 of the hash: bytes 0–2 are nearly the
 * same for all records of a page. A probe is reduced to [0, bits) by multiplying, not by `%`.
 */
const h1Of = (hash: Uint8Array, at: number) => ((hash[at + 3]! << 24) | (hash[at + 4]! << 16) | (hash[at + 5]! << 8) | hash[at + 6]!) >>> 0;
const h2Of = (h1: number) => (Math.imul(h1 ^ (h1 >>> 16), 0x45d9f3b) >>> 0) | 1;

/** The filter of a page (sorted 8-byte records). */
export function buildFilter(page: Uint8Array): Uint8Array {
  const n = page.length / RECORD_BYTES;
  const filter = new Uint8Array(Math.max(8, Math.ceil((n * BITS_PER_RECORD) / 8)));
  const bits = filter.length * 8;
  for (let off = 0; off < page.length; off += RECORD_BYTES) {
    const h1 = h1Of(page, off);
    const h2 = h2Of(h1);
    for (let i = 0; i < PROBES; i++) {
      const b = ((((h1 + Math.imul(i, h2)) >>> 0) * bits) / TWO32) | 0;
      filter[b >>> 3]! |= 1 << (b & 7);
    }
  }
  return filter;
}

/** False when the page certainly holds no record of `hash` (its first 7 bytes); true when it may. */
export function mayContain(filter: Uint8Array, hash: Uint8Array): boolean {
  if (hash.length < HASH_BYTES) return true;
  const bits = filter.length * 8;
  const h1 = h1Of(hash, 0);
  const h2 = h2Of(h1);
  for (let i = 0; i < PROBES; i++) {
    const b = ((((h1 + Math.imul(i, h2)) >>> 0) * bits) / TWO32) | 0;
    if (!(filter[b >>> 3]! & (1 << (b & 7)))) return false;
  }
  return true;
}
