import { compact } from '../identifiers/normalize';
import { compareBytes, prefixOf, sha256 } from './bytes';
import { HASH_BYTES, RECORD_BYTES, listByCode, type KeyType, type ListName } from './format';

/**
 * Canonical form of an identifier, so that the publisher and the extension hash the same string
 * whatever way a page or a CSV wrote it. Returns null when nothing usable is left.
 */
export function canonicalKey(type: KeyType, raw: string): string | null {
  if (!Object.hasOwn(FORMATS, type) || typeof raw !== 'string') return null;
  const v = compact(raw);
  let out = '';
  switch (type) {
    case 'uscc':
    case 'regno':
      out = v.toUpperCase().replace(/[-_.]/g, '');
      break;
    case 'domain':
      out = canonicalDomain(raw) ?? '';
      break;
    case 'icp': {
      // 京ICP备12345678号-1 names one site of the filing 京ICP备12345678号; lists name the filing.
      let s = v.toUpperCase();
      if (/号(?:-\d+)?$/.test(s)) s = s.replace(/号(?:-\d+)?$/, '');
      else s = s.replace(/^(.*[A-Z]\d-\d{6,})-\d+$/, '$1');
      out = s;
      break;
    }
    case 'psb':
      // 京公网安备 11010802012345号: the 14 digits are the number; the prefix only repeats the province.
      out = (v.match(/\d+/g) ?? []).join('');
      break;
  }
  return FORMATS[type].test(out) ? out : null;
}

/** What a canonical value of each type looks like; anything else is not looked up or published. */
const FORMATS: Record<KeyType, RegExp> = {
  uscc: /^[0-9A-HJ-NP-RTUW-Y]{18}$/,
  // 15-digit 注册号 (GS 15-2006) and the 13-digit numbers of older registrations.
  regno: /^\d{13}(?:\d{2})?$/,
  domain: /^[a-z0-9.-]+\.[a-z0-9-]+$/,
  icp: /^[\u4e00-\u9fff]{1,2}(?:ICP[备证]\d{4,12}|[A-Z]\d-\d{6,12})$/,
  psb: /^\d{12,16}$/,
};

/** A host name (or URL) → lower-case punycode host without www., port or trailing dot. */
export function canonicalDomain(raw: string): string | null {
  let s = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = 'http://' + s;
  let host: string;
  try {
    host = new URL(s).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(host) ? host : null;
}

/** The string that is hashed: `type:canonical`. */
export const keyString = (type: KeyType, canonical: string): string => `${type}:${canonical}`;

/** SHA-256 of the key string (async WebCrypto; the builder uses node's hash for speed). */
export async function keyHash(type: KeyType, canonical: string): Promise<Uint8Array> {
  return sha256(keyString(type, canonical));
}

/** The list codes recorded for a hash in one packed shard (sorted 8-byte records), by binary search. */
export function findInShard(shard: Uint8Array, hash: Uint8Array): ListName[] {
  const n = shard.length / RECORD_BYTES;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(shard, mid * RECORD_BYTES, hash, 0, HASH_BYTES) < 0) lo = mid + 1;
    else hi = mid;
  }
  const lists: ListName[] = [];
  for (let i = lo; i < n && compareBytes(shard, i * RECORD_BYTES, hash, 0, HASH_BYTES) === 0; i++) {
    const list = listByCode(shard[i * RECORD_BYTES + HASH_BYTES]!);
    if (list) lists.push(list);
  }
  return lists;
}

/**
 * Checks a packed shard before it is trusted: whole records, strictly sorted, known list codes,
 * and every hash in the right shard. Returns a problem or null.
 */
export function checkShard(shard: Uint8Array, shardIndex: number, shardBits: number): string | null {
  if (shard.length % RECORD_BYTES) return `length ${shard.length} is not a multiple of ${RECORD_BYTES}`;
  for (let off = 0; off < shard.length; off += RECORD_BYTES) {
    if (!listByCode(shard[off + HASH_BYTES]!)) return `record ${off / RECORD_BYTES}: unknown list code ${shard[off + HASH_BYTES]}`;
    if (prefixOf(shard.subarray(off, off + 3), shardBits) !== shardIndex) return `record ${off / RECORD_BYTES}: belongs to another shard`;
    if (off > 0 && compareBytes(shard, off - RECORD_BYTES, shard, off, RECORD_BYTES) >= 0) return `record ${off / RECORD_BYTES}: out of order or repeated`;
  }
  return null;
}
