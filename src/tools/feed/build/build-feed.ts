import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toBase64 } from '../../../feed/bytes';
import { FEED_FORMAT, type ListAction, type ListName, type Manifest, type SignedEnvelope } from '../../../feed/format';
import { openManifest } from '../../../feed/manifest';
import { signBytes } from '../../../feed/signature';
import { blacklistBits, buildBlacklist } from './build-blacklist';
import { buildDeltas } from './build-deltas';
import { buildEntities } from './build-entities';
import { DEFAULT_DOMAIN_FILE_MAX, DomainCollector } from './domain-files';
import type { RowProblem } from './csv-records';
import type { CsvEncoding } from './csv-reader';

export interface BuildOptions {
  out: string;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  blacklist: string[];
  entities: string[];
  /** The currently published feed: the new version is above it and carries deltas from it. */
  previous?: string;
  name?: string;
  /** Blacklist shards = 2^shardBits (default: about 32 K keys per shard); ignored with --previous. */
  shardBits?: number;
  /** Forced version (tests, fixtures); by default max(previous + 1, Unix seconds). */
  version?: number;
  now?: Date;
  /** What each list's entries should do in clients (block, mark, inform); unnamed lists get the defaults. */
  listActions?: Partial<Record<ListName, ListAction>>;
  /** Lists with at most this many domains are published as a domain file too (default 100,000; 0: none). */
  domainFileMax?: number;
  onProblem?(p: RowProblem): void;
  onEncoding?(file: string, encoding: CsvEncoding): void;
}

export interface BuildSummary {
  manifest: Manifest;
  problems: RowProblem[];
}

/**
 * Builds a signed feed directory. The manifest is written last (and atomically), so a static
 * host serving the directory never shows a manifest whose files are not there yet.
 */
export async function buildFeed(options: BuildOptions): Promise<BuildSummary> {
  const root = resolve(options.out);
  const now = options.now ?? new Date();
  let previous: Manifest | null = null;
  if (options.previous) {
    const prevDir = resolve(options.previous);
    if (prevDir === root) throw new Error('--previous must be another directory than --out');
    previous = (await openManifest(new Uint8Array(readFileSync(join(prevDir, 'manifest.json'))), options.publicKey)).manifest;
  }
  const version = options.version ?? Math.max((previous?.version ?? 0) + 1, Math.floor(now.getTime() / 1000));
  if (previous && version <= previous.version) throw new Error(`version ${version} is not above the previous ${previous.version}`);
  const tmp = join(root, `.build-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const problems: RowProblem[] = [];
  const input = {
    tmp,
    onProblem: (p: RowProblem) => {
      problems.push(p);
      options.onProblem?.(p);
    },
    onEncoding: options.onEncoding,
  };
  try {
    // Sharding stays as the previous feed had it, so deltas line up shard by shard.
    const bits = previous
      ? { shardBits: previous.blacklist.shardBits, leafBits: previous.blacklist.leafBits }
      : options.shardBits !== undefined
        ? { shardBits: options.shardBits, leafBits: Math.max(options.shardBits, 8) }
        : undefined;
    const domains = new DomainCollector(options.domainFileMax ?? DEFAULT_DOMAIN_FILE_MAX);
    const blacklist = await buildBlacklist(root, options.blacklist, { ...input, bits, onRecord: (r) => domains.add(r) });
    const entities = await buildEntities(root, options.entities, input);
    const deltas = previous ? buildDeltas(root, resolve(options.previous!), previous, blacklist, version) : [];
    const manifest: Manifest = {
      format: FEED_FORMAT,
      name: options.name ?? previous?.name ?? 'liangzhao-feed',
      version,
      created: now.toISOString(),
      blacklist: { ...blacklist, deltas },
      // A keeper's choices carry over from the version now published unless this build changes them.
      lists: domains.write(root, { ...previousActions(previous), ...options.listActions }),
      entities,
    };
    await writeManifest(root, manifest, options.secretKey, options.publicKey);
    return { manifest, problems };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function previousActions(previous: Manifest | null): Partial<Record<ListName, ListAction>> {
  return Object.fromEntries(Object.entries(previous?.lists ?? {}).map(([list, meta]) => [list, meta.action]));
}

/** Signs the manifest payload and writes manifest.json (temp file, then rename). */
export async function writeManifest(root: string, manifest: Manifest, secretKey: Uint8Array, publicKey: Uint8Array): Promise<void> {
  const payload = JSON.stringify(manifest);
  const signature = await signBytes(new TextEncoder().encode(payload), secretKey);
  const envelope: SignedEnvelope = { payload, signature: toBase64(signature), publicKey: toBase64(publicKey) };
  const tmp = join(root, `manifest.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(envelope, null, 1) + '\n');
  renameSync(tmp, join(root, 'manifest.json'));
}

export { blacklistBits };
