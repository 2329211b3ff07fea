import { fromBase64, sha256Hex } from './bytes';
import { FeedError } from './feed-error';
import { FEED_FORMAT, type DeltaRef, type FileRef, type LeafIndex, type Manifest, type SignedEnvelope } from './format';
import { listsMetaProblem } from './list-meta';
import { verifyBytes } from './signature';

/** A manifest whose signature and schema were checked, with the SHA-256 of its file. */
export interface VerifiedManifest {
  manifest: Manifest;
  /** Hex SHA-256 of manifest.json as downloaded (identifies a version for resume). */
  sha256: string;
}

/** Parses manifest.json, checks its Ed25519 signature with the client's key, then its schema. */
export async function openManifest(bytes: Uint8Array, publicKey: Uint8Array): Promise<VerifiedManifest> {
  let envelope: Partial<SignedEnvelope>;
  try {
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<SignedEnvelope>;
  } catch {
    throw new FeedError('schema', 'manifest.json is not valid JSON');
  }
  if (typeof envelope.payload !== 'string' || typeof envelope.signature !== 'string') {
    throw new FeedError('schema', 'manifest.json has no signed payload');
  }
  let signature: Uint8Array;
  try {
    signature = fromBase64(envelope.signature);
  } catch {
    throw new FeedError('signature', 'manifest signature is not base64');
  }
  const ok = await verifyBytes(signature, new TextEncoder().encode(envelope.payload), publicKey);
  if (!ok) throw new FeedError('signature', 'manifest signature does not match the configured public key (tampered, or signed by another key)');
  let payload: unknown;
  try {
    payload = JSON.parse(envelope.payload);
  } catch {
    throw new FeedError('schema', 'signed payload is not JSON');
  }
  const problem = manifestProblem(payload);
  if (problem) throw new FeedError('schema', `manifest: ${problem}`);
  return { manifest: payload as Manifest, sha256: await sha256Hex(bytes) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const SAFE_PATH = /^(?!.*\.\.)[a-z0-9][a-z0-9._/-]{0,200}$/;

/** Problem with a file reference, or null. Paths must stay inside the feed (no .., no scheme). */
export function fileRefProblem(v: unknown): string | null {
  if (!isObj(v)) return 'file reference is not an object';
  if (typeof v.file !== 'string' || !SAFE_PATH.test(v.file)) return `bad file path ${JSON.stringify(v.file)}`;
  if (typeof v.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(v.sha256)) return `bad sha256 for ${v.file}`;
  if (!isInt(v.bytes) || !isInt(v.count)) return `bad size or count for ${v.file}`;
  return null;
}

function manifestProblem(m: unknown): string | null {
  if (!isObj(m)) return 'not an object';
  if (m.format !== FEED_FORMAT) return `unknown format ${JSON.stringify(m.format)}`;
  if (typeof m.name !== 'string' || !isInt(m.version, 1) || typeof m.created !== 'string') return 'name, version or created missing';
  const b = m.blacklist;
  if (!isObj(b) || !isInt(b.shardBits, 0, 16) || !isInt(b.leafBits, 0, 24) || !isInt(b.count) || !Array.isArray(b.shards) || !Array.isArray(b.deltas)) {
    return 'blacklist section malformed';
  }
  if ((b.leafBits as number) < (b.shardBits as number)) return 'blacklist leafBits < shardBits';
  if (b.shards.length !== 2 ** (b.shardBits as number)) return 'blacklist shard count does not match shardBits';
  let total = 0;
  for (const s of b.shards as unknown[]) {
    if (!isObj(s)) return 'blacklist shard malformed';
    const p = fileRefProblem(s.keys) ?? fileRefProblem(s.index);
    if (p) return p;
    total += (s.keys as FileRef).count;
  }
  if (total !== b.count) return `blacklist count ${String(b.count)} but shards hold ${total}`;
  for (const d of b.deltas as unknown[]) {
    const p = fileRefProblem(d);
    if (p) return p;
    const dr = d as DeltaRef;
    if (!isInt(dr.from, 1) || !isInt(dr.to, 2) || dr.to <= dr.from || dr.to > (m.version as number)) return 'delta versions malformed';
  }
  const lists = listsMetaProblem(m.lists, fileRefProblem);
  if (lists) return lists;
  const e = m.entities;
  if (!isObj(e) || !isInt(e.groupBits, 0, 16) || !isInt(e.leafBits, 0, 24) || !isInt(e.count) || !Array.isArray(e.groups)) return 'entities section malformed';
  if ((e.leafBits as number) < (e.groupBits as number)) return 'entities leafBits < groupBits';
  if (e.groups.length !== 2 ** (e.groupBits as number)) return 'entities group count does not match groupBits';
  for (const g of e.groups as unknown[]) {
    if (g === null) continue;
    const p = fileRefProblem(g);
    if (p) return p;
  }
  return null;
}

/** Parses and checks a leaf index (its bytes were already matched against a SHA-256). */
export function parseLeafIndex(bytes: Uint8Array, expectBits: number, first: number): LeafIndex {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new FeedError('record', 'leaf index is not JSON');
  }
  if (!isObj(v) || v.leafBits !== expectBits || v.first !== first || !Array.isArray(v.leaves)) throw new FeedError('record', 'leaf index malformed');
  for (const l of v.leaves as unknown[]) {
    if (l === null) continue;
    const p = fileRefProblem(l);
    if (p) throw new FeedError('record', `leaf index: ${p}`);
  }
  return v as unknown as LeafIndex;
}
