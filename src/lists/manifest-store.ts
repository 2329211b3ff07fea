import type { Manifest } from '../feed/format';
import type { ListsDb } from './lists-db';

/** Parsed manifests by SHA-256 of their file: content-addressed, so a cached one is never out of date. */
const cache = new Map<string, Manifest>();
const CACHE_MAX = 8;

/** Keeps a verified manifest for the generation(s) that name it. */
export async function saveManifest(db: ListsDb, feedId: string, sha256: string, manifest: Manifest): Promise<void> {
  await db.manifests.put({ feedId, sha256, manifest });
  remember(sha256, manifest);
}

/**
 * The manifest of a generation. Only the rare paths need it (details of a hit, entity lookups,
 * deltas); lookups themselves read the small generation pointer and the shard pages.
 */
export async function loadManifest(db: ListsDb, feedId: string, sha256: string): Promise<Manifest> {
  const hit = cache.get(sha256);
  if (hit) return hit;
  const row = await db.manifests.get([feedId, sha256]);
  if (!row) throw new Error(`lists database damaged: manifest ${sha256.slice(0, 12)} of ${feedId} is missing`);
  remember(sha256, row.manifest);
  return row.manifest;
}

/** The manifest of a generation if this worker has it in memory (no database read). */
export function peekManifest(sha256: string): Manifest | undefined {
  return cache.get(sha256);
}

function remember(sha256: string, manifest: Manifest): void {
  if (cache.size >= CACHE_MAX && !cache.has(sha256)) cache.delete(cache.keys().next().value!);
  cache.set(sha256, manifest);
}
