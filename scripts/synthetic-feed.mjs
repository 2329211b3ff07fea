// A synthetic signed feed of N blacklist keys, written directly as packed shards (the CSV builder
// costs ~45 µs a row: 7 minutes for 10 million). The files follow docs/feed-format.md exactly and are
// signed like any feed, so the client checks them as it checks a real one (signature, sizes, SHA-256,
// sorted records in the right shard, counts). Details leaves are left out (every index leaf is null):
// a hit is then reported with "details unavailable", which the lookup benchmark does not need.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const imp = (p) => tsImport(p, import.meta.url);

/** Small fast PRNG (xorshift128+ in doubles): reproducible figures, no crypto cost for 10 M keys. */
function rng(seed) {
  let a = seed >>> 0 || 1;
  let b = (seed * 2654435761) >>> 0 || 2;
  return () => {
    let t = a ^ (a << 11);
    a = b;
    b = b ^ (b >>> 19) ^ (t ^ (t >>> 8));
    return ((b >>> 0) + ((a >>> 0) & 0x1fffff) * 4294967296) / 9007199254740992;
  };
}

/**
 * The key set: per shard, sorted 56-bit hashes as (shard, lo) with lo < 2^(56 - bits), and a list
 * code per key. `known` real keys ("uscc:ID") are included, on list 1, so a lookup can be checked to hit.
 */
// `knownKind` / `knownCode`: the kind of the known keys ("uscc" by default) and the list they are on (1).
export async function makeKeys(n, { shardBits, known = [], seed = 1, knownKind = 'uscc', knownCode = 1 }) {
  const { keyHash } = await imp('../src/feed/keys.ts');
  const random = rng(seed);
  const shards = 2 ** shardBits;
  const range = 2 ** (56 - shardBits);
  const extra = Array.from({ length: shards }, () => []);
  for (const id of known) {
    const h = await keyHash(knownKind, id);
    const top = (h[0] << 16) | (h[1] << 8) | h[2];
    const s = top >>> (24 - shardBits);
    // lo = the low 56 - shardBits bits of the hash's first 7 bytes (BigInt: 56 bits exceed a double).
    let v = 0n;
    for (let i = 0; i < 7; i++) v = v * 256n + BigInt(h[i]);
    extra[s].push(Number(v & ((1n << BigInt(56 - shardBits)) - 1n)));
  }
  const out = [];
  for (let s = 0; s < shards; s++) {
    const count = Math.floor(n / shards) + (s < n % shards ? 1 : 0);
    const lo = new Float64Array(count + extra[s].length);
    for (let i = 0; i < count; i++) lo[i] = Math.floor(random() * range);
    lo.set(extra[s], count);
    lo.sort();
    for (let i = 1; i < lo.length; i++) if (lo[i] <= lo[i - 1]) lo[i] = lo[i - 1] + 1;
    const codes = new Uint8Array(lo.length);
    for (let i = 0; i < codes.length; i++) codes[i] = 1 + Math.floor(random() * 5);
    // The known keys are on list 1 (serious-dishonest → the 'blacklisted' finding the bench counts).
    const knownLo = new Set(extra[s]);
    for (let i = 0; i < lo.length; i++) if (knownLo.has(lo[i])) codes[i] = knownCode;
    out.push({ lo, codes });
  }
  return { shardBits, shards: out, known: new Set(extra.flatMap((xs, s) => xs.map((lo) => `${s}:${lo}`))) };
}

/** One record's 8 bytes: 7 bytes of hash (shard prefix + lo), then the list code. */
function putRecord(buf, at, shard, shardBits, lo, code) {
  const high = shard * 2 ** (24 - shardBits) + Math.floor(lo / 4294967296); // bits 55..32
  const low = lo % 4294967296;
  buf[at] = high >>> 16;
  buf[at + 1] = (high >>> 8) & 255;
  buf[at + 2] = high & 255;
  buf.writeUInt32BE(low, at + 3);
  buf[at + 7] = code;
}

export function packShard(keys, s) {
  const { lo, codes } = keys.shards[s];
  const buf = Buffer.alloc(lo.length * 8);
  for (let i = 0; i < lo.length; i++) putRecord(buf, i * 8, s, keys.shardBits, lo[i], codes[i]);
  return buf;
}

function writeRef(root, dir, name, ext, bytes, count) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${dir}/${name}-${sha256.slice(0, 12)}.${ext}`;
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, file), bytes);
  return { file, sha256, bytes: bytes.length, count };
}

/** Writes the feed directory for `keys` (and its deltas); returns the manifest. */
export async function writeSyntheticFeed(root, keys, { version, key, deltas = [], name = 'synthetic bench feed' }) {
  const { writeManifest } = await imp('../src/tools/feed/build/build-feed.ts');
  const { shardBits } = keys;
  const leafBits = Math.max(shardBits, 16);
  const hex = (s) => s.toString(16).padStart(Math.ceil(shardBits / 4), '0');
  const shards = [];
  let count = 0;
  for (let s = 0; s < keys.shards.length; s++) {
    const bytes = packShard(keys, s);
    count += bytes.length / 8;
    const per = 2 ** (leafBits - shardBits);
    const index = Buffer.from(JSON.stringify({ leafBits, first: s * per, leaves: new Array(per).fill(null) }));
    shards.push({ keys: writeRef(root, 'blacklist/keys', hex(s), 'bin', bytes, bytes.length / 8), index: writeRef(root, 'blacklist/index', hex(s), 'json', index, 0) });
  }
  const manifest = {
    format: 1,
    name,
    version,
    created: new Date().toISOString(),
    blacklist: { shardBits, leafBits, count, shards, deltas },
    entities: { groupBits: 0, leafBits: 0, count: 0, groups: [null] },
  };
  await writeManifest(root, manifest, key.secretKey, key.publicKey);
  return manifest;
}

/**
 * The next version: `changes / 2` keys removed and as many added, with the delta file (sorted
 * removed and added records, format "LZD1"). Mutates `keys`.
 */
export function changeKeys(keys, changes, seed = 7) {
  const random = rng(seed);
  const bits = keys.shardBits;
  const range = 2 ** (56 - bits);
  const removed = [];
  const added = [];
  const bySh = new Map();
  for (let k = 0; k < changes / 2; k++) {
    const s = Math.floor(random() * keys.shards.length);
    const entry = bySh.get(s) ?? { remove: new Set(), add: [] };
    bySh.set(s, entry);
    let i;
    // Never remove a known key: the bench checks that each page's known key is found.
    do i = Math.floor(random() * keys.shards[s].lo.length);
    while (entry.remove.has(i) || keys.known?.has(`${s}:${keys.shards[s].lo[i]}`));
    entry.remove.add(i);
    entry.add.push(Math.floor(random() * range));
  }
  for (const [s, { remove, add }] of [...bySh.entries()].sort((a, b) => a[0] - b[0])) {
    const { lo, codes } = keys.shards[s];
    const present = new Set(lo);
    const next = [];
    for (let i = 0; i < lo.length; i++) {
      if (remove.has(i)) removed.push([s, lo[i], codes[i]]);
      else next.push([lo[i], codes[i]]);
    }
    for (const a of add) {
      if (present.has(a)) continue;
      present.add(a);
      const code = 1 + Math.floor(random() * 5);
      next.push([a, code]);
      added.push([s, a, code]);
    }
    next.sort((x, y) => x[0] - y[0]);
    keys.shards[s] = { lo: Float64Array.from(next, (x) => x[0]), codes: Uint8Array.from(next, (x) => x[1]) };
  }
  const pack = (list) => {
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const buf = Buffer.alloc(list.length * 8);
    list.forEach(([s, lo, code], i) => putRecord(buf, i * 8, s, bits, lo, code));
    return buf;
  };
  const r = pack(removed);
  const a = pack(added);
  const head = Buffer.alloc(12);
  head.write('LZD1', 0, 'latin1');
  head.writeUInt32LE(removed.length, 4);
  head.writeUInt32LE(added.length, 8);
  return { delta: Buffer.concat([head, r, a]), count: removed.length + added.length };
}

export { writeRef };
