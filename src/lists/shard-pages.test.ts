import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta } from '../feed/delta';
import { findInShard } from '../feed/keys';
import { applyToPages } from './merge-pages';
import { boundaryProblem, firstsOf, joinPages, pageFor, splitPages } from './shard-pages';

/** Sorted unique 8-byte records from small numbers: hash = 7 bytes (n >> 2), code = 1 + (n & 3), so runs share a hash. */
const pack = (ns: number[]): Uint8Array => {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out = new Uint8Array(sorted.length * 8);
  sorted.forEach((n, i) => {
    const h = n >> 2;
    out.set([0, 0, 0, 0, (h >> 16) & 255, (h >> 8) & 255, h & 255, 1 + (n & 3)], i * 8);
  });
  return out;
};
const hashOf = (n: number) => new Uint8Array([0, 0, 0, 0, (n >> 18) & 255, (n >> 10) & 255, (n >> 2) & 255]);
const nums = fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 300 });

describe('shard pages', () => {
  it('every record is found in the one page its hash maps to, with all records of that hash', () => {
    fc.assert(
      fc.property(nums, fc.integer({ min: 1, max: 20 }), (ns, per) => {
        const shard = pack(ns);
        const pages = splitPages(shard, per);
        expect(joinPages(pages)).toEqual(shard);
        expect(boundaryProblem(pages)).toBeNull();
        const firsts = firstsOf(pages);
        for (let n = 0; n <= 4003; n += 1) {
          const h = hashOf(n);
          const p = pageFor(firsts, h);
          expect(p === -1 ? [] : findInShard(pages[p]!, h)).toEqual(findInShard(shard, h));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a delta applied to pages gives the same shard as applied whole, and rewrites only the pages it touches', () => {
    fc.assert(
      fc.property(nums, nums, nums, fc.integer({ min: 1, max: 16 }), (base, rem, add, per) => {
        const shard = pack(base);
        const removed = pack(rem.filter((_, i) => i % 2 === 0).concat(base.slice(0, rem.length)));
        const added = pack(add);
        const pages = splitPages(shard, per);
        const keys = pages.map((_, i) => i);
        const out = applyToPages({ pages, keys }, removed, added, per);
        expect(joinPages(out.pages)).toEqual(applyDelta(shard, removed, added));
        expect(boundaryProblem(out.pages)).toBeNull();
        // Kept pages are the very same (not rewritten); pages grow at most to about twice the page size.
        out.keys.forEach((k, i) => {
          if (k !== null) expect(out.pages[i]).toBe(pages[k]);
          expect(out.pages[i]!.length).toBeLessThanOrEqual((2 * per + 4) * 8);
        });
        if (!removed.length && !added.length) expect(out.keys).toEqual(keys);
      }),
      { numRuns: 150 },
    );
  });

  it('a page made by splitting does not share its buffer (a stored page must not drag the whole shard along)', () => {
    const pages = splitPages(pack(Array.from({ length: 100 }, (_, i) => i * 4)), 10);
    expect(pages).toHaveLength(10);
    for (const p of pages) expect(p.buffer.byteLength).toBe(p.length);
  });
});

describe('page filters', () => {
  it('never rule out a record of the page, and rule out most other hashes', async () => {
    const { buildFilter, mayContain } = await import('./page-filter');
    const { sha256Sync } = await import('./sha256-sync');
    // Realistic records: SHA-256 prefixes, sorted, as in a page of 512.
    const hashes = Array.from({ length: 20_000 }, (_, i) => sha256Sync(new TextEncoder().encode(`uscc:${i}`)).subarray(0, 7));
    const inPage = hashes.slice(0, 512).sort((a, b) => Buffer.compare(a, b));
    const page = new Uint8Array(512 * 8);
    inPage.forEach((h, i) => page.set([...h, 1], i * 8));
    const filter = buildFilter(page);
    expect(filter.length).toBe(1024); // 16 bits per record
    for (const h of inPage) expect(mayContain(filter, h)).toBe(true);
    const others = hashes.slice(512);
    const falsePositives = others.filter((h) => mayContain(filter, h)).length / others.length;
    // ~0.05 % in theory (16 bits, 11 probes); one navigation asks six times (host, parents, feeds).
    expect(falsePositives).toBeLessThan(0.0015);

    // Filters stored before 2026-12 (8 bits, 6 probes) are read with their own count: asking them
    // with today's probe count would rule out records they hold.
    const { LEGACY_FILTER_PROBES } = await import('./page-filter');
    const legacy = buildFilter(page, { bitsPerRecord: 8, probes: LEGACY_FILTER_PROBES });
    for (const h of inPage) expect(mayContain(legacy, h, LEGACY_FILTER_PROBES)).toBe(true);
    expect(inPage.some((h) => !mayContain(legacy, h))).toBe(true);
  });
});
