import { describe, expect, it } from 'vitest';
import { applyDelta, decodeDelta, diffShards, encodeDelta, shardSlice } from './delta';
import { canonicalKey, checkShard, findInShard } from './keys';

const rec = (...bytes: number[]) => Uint8Array.from(bytes);
const pack = (...records: Uint8Array[]) => {
  const out = new Uint8Array(records.length * 8);
  records.forEach((r, i) => out.set(r, i * 8));
  return out;
};

describe('canonicalKey', () => {
  it('folds the ways pages and CSVs write identifiers', () => {
    expect(canonicalKey('uscc', ' 91330106ma2h3p7l4h ')).toBe('91330106MA2H3P7L4H');
    expect(canonicalKey('uscc', '９１３３０１０６ＭＡ２Ｈ３Ｐ７Ｌ４Ｈ')).toBe('91330106MA2H3P7L4H');
    expect(canonicalKey('uscc', 'bad-row-here')).toBeNull();
    expect(canonicalKey('regno', '110105001234562')).toBe('110105001234562');
    expect(canonicalKey('domain', 'https://WWW.Example.COM:8080/path?q')).toBe('example.com');
    expect(canonicalKey('domain', 'not a domain')).toBeNull();
    expect(canonicalKey('icp', '京ICP备2019999999号-3')).toBe('京ICP备2019999999');
    expect(canonicalKey('icp', '京icp备2019999999号')).toBe('京ICP备2019999999');
    expect(canonicalKey('icp', '京B2-20201234')).toBe('京B2-20201234');
    expect(canonicalKey('psb', '粤公网安备 44030502999999号')).toBe('44030502999999');
    expect(canonicalKey('ssn' as 'uscc', '91330106MA2H3P7L4H')).toBeNull();
  });
});

describe('packed shards and deltas', () => {
  const a = rec(0x10, 1, 1, 1, 1, 1, 1, 1);
  const a2 = rec(0x10, 1, 1, 1, 1, 1, 1, 3);
  const b = rec(0x20, 2, 2, 2, 2, 2, 2, 2);
  const c = rec(0x90, 3, 3, 3, 3, 3, 3, 4);
  it('binary search returns every list of a hash, and nothing for a near miss', () => {
    const shard = pack(a, a2, b, c);
    expect(findInShard(shard, a.subarray(0, 7))).toEqual(['serious-dishonest', 'court-dishonest']);
    expect(findInShard(shard, c.subarray(0, 7))).toEqual(['fraud-domain']);
    expect(findInShard(shard, rec(0x20, 2, 2, 2, 2, 2, 3))).toEqual([]);
    expect(findInShard(new Uint8Array(0), a)).toEqual([]);
  });
  it('checkShard refuses unsorted, foreign-shard, unknown-list and partial records', () => {
    expect(checkShard(pack(a, b), 0, 1)).toBeNull();
    expect(checkShard(pack(b, a), 0, 1)).toMatch(/out of order/);
    expect(checkShard(pack(a, c), 0, 1)).toMatch(/another shard/);
    expect(checkShard(pack(rec(0x10, 1, 1, 1, 1, 1, 1, 9)), 0, 1)).toMatch(/unknown list code 9/);
    expect(checkShard(pack(a).subarray(0, 7), 0, 1)).toMatch(/multiple/);
  });
  it('diff then apply reproduces the new shard; slices pick one shard', () => {
    const old = pack(a, b);
    const next = pack(a2, b, c);
    const d = decodeDelta(encodeDelta(diffShards(old, next)));
    expect(applyDelta(old, d.removed, d.added)).toEqual(next);
    expect(shardSlice(pack(a, b, c), 1, 1)).toEqual(pack(c));
    expect(shardSlice(pack(a, b, c), 0, 1)).toEqual(pack(a, b));
    expect(() => decodeDelta(new Uint8Array(12))).toThrow(/LZD1/);
  });
});
