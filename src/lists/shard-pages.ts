import { compareBytes } from '../feed/bytes';
import { HASH_BYTES, RECORD_BYTES } from '../feed/format';

/**
 * A shard is stored as pages of about this many 8-byte records (4 KB): a lookup reads one page,
 * and a delta rewrites only the pages its changes fall into.
 */
export const PAGE_RECORDS = 512;

/** Pages of one shard, in key order, with the 7-byte hash of each page's first record. */
export interface Paged {
  pages: Uint8Array[];
  firsts: Uint8Array;
}

const sameHash = (a: Uint8Array, ai: number, b: Uint8Array, bi: number) => compareBytes(a, ai, b, bi, HASH_BYTES) === 0;

/**
 * Cuts a sorted packed array into pages of `pageRecords` records (each page a copy, so storing it
 * does not store the whole buffer). A page boundary never falls between two records with the same
 * hash (a key on two lists), so all records of a hash are in the page that the hash maps to.
 */
export function splitPages(records: Uint8Array, pageRecords = PAGE_RECORDS): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = records.length / RECORD_BYTES;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + pageRecords);
    while (end < n && sameHash(records, (end - 1) * RECORD_BYTES, records, end * RECORD_BYTES)) end++;
    out.push(records.slice(start * RECORD_BYTES, end * RECORD_BYTES));
    start = end;
  }
  return out;
}

/** The first-record hashes of pages (7 bytes each). */
export function firstsOf(pages: Uint8Array[]): Uint8Array {
  const firsts = new Uint8Array(pages.length * HASH_BYTES);
  pages.forEach((p, i) => firsts.set(p.subarray(0, HASH_BYTES), i * HASH_BYTES));
  return firsts;
}

/**
 * The page a hash belongs to: the last page whose first hash is ≤ it (page 0 for smaller ones);
 * -1 when the shard has no pages.
 */
export function pageFor(firsts: Uint8Array, hash: Uint8Array): number {
  const n = firsts.length / HASH_BYTES;
  if (!n) return -1;
  let lo = 1;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(firsts, mid * HASH_BYTES, hash, 0, HASH_BYTES) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Concatenates pages into the whole shard (to check it against the manifest's SHA-256). */
export function joinPages(pages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pages.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Checks what separate page checks cannot see: records strictly increase across page boundaries,
 * and no hash has records on both sides of one.
 * (Each page's own records are checked when the page is made.) Returns a problem or null.
 */
export function boundaryProblem(pages: Uint8Array[]): string | null {
  for (let i = 1; i < pages.length; i++) {
    const prev = pages[i - 1]!;
    if (!prev.length || !pages[i]!.length) return `page ${i} is empty`;
    if (compareBytes(prev, prev.length - RECORD_BYTES, pages[i]!, 0, RECORD_BYTES) >= 0) return `page ${i}: out of order with the page before`;
    // A lookup reads one page per hash, so a hash's records must not be split over two pages.
    if (sameHash(prev, prev.length - RECORD_BYTES, pages[i]!, 0)) return `page ${i}: splits the records of one hash`;
  }
  return null;
}
