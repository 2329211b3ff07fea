import { compareBytes, prefixOf } from './bytes';
import { FeedError } from './feed-error';
import { RECORD_BYTES } from './format';

/** A parsed delta: packed 8-byte records removed and added, each sorted. */
export interface Delta {
  removed: Uint8Array;
  added: Uint8Array;
}

const MAGIC = [0x4c, 0x5a, 0x44, 0x31]; // "LZD1"

/** Delta file bytes: "LZD1", u32 LE removed count, u32 LE added count, removed records, added records. */
export function encodeDelta(delta: Delta): Uint8Array {
  const out = new Uint8Array(12 + delta.removed.length + delta.added.length);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, delta.removed.length / RECORD_BYTES, true);
  view.setUint32(8, delta.added.length / RECORD_BYTES, true);
  out.set(delta.removed, 12);
  out.set(delta.added, 12 + delta.removed.length);
  return out;
}

export function decodeDelta(bytes: Uint8Array): Delta {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) throw new FeedError('record', 'delta file has no LZD1 header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = view.getUint32(4, true) * RECORD_BYTES;
  const a = view.getUint32(8, true) * RECORD_BYTES;
  if (12 + r + a !== bytes.length) throw new FeedError('record', 'delta file length does not match its counts');
  return { removed: bytes.subarray(12, 12 + r), added: bytes.subarray(12 + r) };
}

/** Records of a sorted packed array that belong to one shard (a contiguous range). */
export function shardSlice(records: Uint8Array, shard: number, bits: number): Uint8Array {
  const n = records.length / RECORD_BYTES;
  const at = (i: number) => prefixOf(records.subarray(i * RECORD_BYTES, i * RECORD_BYTES + 3), bits);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < shard) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && at(end) === shard) end++;
  return records.subarray(lo * RECORD_BYTES, end * RECORD_BYTES);
}

/** Applies one delta's records to a sorted shard: a merge, linear in the shard size. */
export function applyDelta(shard: Uint8Array, removed: Uint8Array, added: Uint8Array): Uint8Array {
  if (!removed.length && !added.length) return shard;
  const out = new Uint8Array(shard.length + added.length);
  let o = 0;
  let i = 0;
  let r = 0;
  let a = 0;
  const R = RECORD_BYTES;
  while (i < shard.length || a < added.length) {
    const takeAdded = i >= shard.length || (a < added.length && compareBytes(added, a, shard, i, R) < 0);
    if (takeAdded) {
      out.set(added.subarray(a, a + R), o);
      o += R;
      a += R;
      continue;
    }
    while (r < removed.length && compareBytes(removed, r, shard, i, R) < 0) r += R;
    if (r < removed.length && compareBytes(removed, r, shard, i, R) === 0) {
      r += R;
      i += R;
      continue;
    }
    if (a < added.length && compareBytes(added, a, shard, i, R) === 0) a += R;
    out.set(shard.subarray(i, i + R), o);
    o += R;
    i += R;
  }
  return out.slice(0, o);
}

/** removed = in old not in new; added = in new not in old (both sorted packed arrays). */
export function diffShards(old: Uint8Array, next: Uint8Array): Delta {
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  const R = RECORD_BYTES;
  while (i < old.length || j < next.length) {
    const c = i >= old.length ? 1 : j >= next.length ? -1 : compareBytes(old, i, next, j, R);
    if (c === 0) {
      i += R;
      j += R;
    } else if (c < 0) {
      removed.push(i);
      i += R;
    } else {
      added.push(j);
      j += R;
    }
  }
  const pick = (src: Uint8Array, offs: number[]) => {
    const out = new Uint8Array(offs.length * R);
    offs.forEach((off, k) => out.set(src.subarray(off, off + R), k * R));
    return out;
  };
  return { removed: pick(old, removed), added: pick(next, added) };
}
