import { FeedError } from '../../feed/feed-error';
import { loadLeafIndex } from '../../feed/feed-lookup';
import { LIMITS, type BlacklistRecord, type EntityRecord, type FileRef, type LeafIndex, type Manifest, type SignedEnvelope } from '../../feed/format';
import { openManifest } from '../../feed/manifest';
import { parseBlacklistLeaf, parseEntityLeaf } from '../../feed/records';
import { getVerified, type FeedTransport } from '../../feed/transport';

export interface FeedDiff {
  from: { version: number; blacklist: number; entities: number };
  to: { version: number; blacklist: number; entities: number };
  blacklist: { added: BlacklistRecord[]; removed: BlacklistRecord[] };
  entities: { added: EntityRecord[]; removed: EntityRecord[]; changed: { from: EntityRecord; to: EntityRecord }[] };
  /** Set when the two feeds are sharded differently and only counts could be compared. */
  note: string | null;
}

/** Reads a manifest; verifies it when a key is given (diff is a publisher's tool, the key is optional). */
export async function readManifest(transport: FeedTransport, publicKey?: Uint8Array): Promise<Manifest> {
  const got = await transport.get('manifest.json', { maxBytes: LIMITS.manifestBytes });
  if (got.status !== 'ok') throw new FeedError('http', 'manifest.json: unexpected 304');
  if (publicKey) return (await openManifest(got.bytes, publicKey)).manifest;
  try {
    return JSON.parse((JSON.parse(new TextDecoder().decode(got.bytes)) as SignedEnvelope).payload) as Manifest;
  } catch {
    throw new FeedError('schema', `${transport.location}: manifest.json is not a feed manifest`);
  }
}

type Side = { t: FeedTransport; m: Manifest };

/**
 * What changed between two feeds, record by record. Only leaves whose SHA-256 differs are read,
 * so two versions with a small change compare quickly.
 */
export async function diffFeeds(a: FeedTransport, b: FeedTransport, publicKey?: Uint8Array): Promise<FeedDiff> {
  const A: Side = { t: a, m: await readManifest(a, publicKey) };
  const B: Side = { t: b, m: await readManifest(b, publicKey) };
  const summary = (m: Manifest) => ({ version: m.version, blacklist: m.blacklist.count, entities: m.entities.count });
  const diff: FeedDiff = { from: summary(A.m), to: summary(B.m), blacklist: { added: [], removed: [] }, entities: { added: [], removed: [], changed: [] }, note: null };
  const ab = A.m.blacklist;
  const bb = B.m.blacklist;
  const ae = A.m.entities;
  const be = B.m.entities;
  if (ab.shardBits !== bb.shardBits || ab.leafBits !== bb.leafBits || ae.groupBits !== be.groupBits || ae.leafBits !== be.leafBits) {
    diff.note = 'the feeds are sharded differently; only counts are compared';
    return diff;
  }
  for (let s = 0; s < bb.shards.length; s++) {
    const ra = ab.shards[s]!.index;
    const rb = bb.shards[s]!.index;
    if (ra.sha256 === rb.sha256) continue;
    const first = s << (ab.leafBits - ab.shardBits);
    await diffLeaves(A, B, ra, rb, ab.leafBits, first, parseBlacklistLeaf, (r) => `${r.idType}:${r.id}:${r.list}`, (add, rem) => {
      diff.blacklist.added.push(...add);
      diff.blacklist.removed.push(...rem);
    });
  }
  for (let g = 0; g < be.groups.length; g++) {
    const ra = ae.groups[g] ?? null;
    const rb = be.groups[g] ?? null;
    if (ra?.sha256 === rb?.sha256) continue;
    const first = g << (ae.leafBits - ae.groupBits);
    await diffLeaves(A, B, ra, rb, ae.leafBits, first, parseEntityLeaf, (r) => r.uscc, (add, rem) => {
      const removed = new Map(rem.map((r) => [r.uscc, r]));
      for (const r of add) {
        const old = removed.get(r.uscc);
        if (old) {
          diff.entities.changed.push({ from: old, to: r });
          removed.delete(r.uscc);
        } else diff.entities.added.push(r);
      }
      diff.entities.removed.push(...removed.values());
    });
  }
  return diff;
}

async function diffLeaves<T>(
  A: Side,
  B: Side,
  ra: FileRef | null,
  rb: FileRef | null,
  leafBits: number,
  first: number,
  parse: (bytes: Uint8Array) => T[],
  key: (r: T) => string,
  report: (added: T[], removed: T[]) => void,
): Promise<void> {
  const ia: LeafIndex | null = ra ? await loadLeafIndex(A.t, ra, leafBits, first) : null;
  const ib: LeafIndex | null = rb ? await loadLeafIndex(B.t, rb, leafBits, first) : null;
  const n = Math.max(ia?.leaves.length ?? 0, ib?.leaves.length ?? 0);
  for (let i = 0; i < n; i++) {
    const la = ia?.leaves[i] ?? null;
    const lb = ib?.leaves[i] ?? null;
    if (la?.sha256 === lb?.sha256) continue;
    const before = la ? parse(await getVerified(A.t, la, LIMITS.leafBytes)) : [];
    const after = lb ? parse(await getVerified(B.t, lb, LIMITS.leafBytes)) : [];
    const bm = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
    const am = new Map(after.map((r) => [key(r), JSON.stringify(r)]));
    report(
      after.filter((r) => bm.get(key(r)) !== JSON.stringify(r)),
      before.filter((r) => am.get(key(r)) !== JSON.stringify(r)),
    );
  }
}
