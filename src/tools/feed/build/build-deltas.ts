import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffShards, encodeDelta } from '../../../feed/delta';
import type { DeltaRef, Manifest } from '../../../feed/format';
import type { BlacklistSection } from './build-blacklist';
import { writeFeedFile } from './write-file';

/** How many earlier versions keep a delta path to the newest. */
export const MAX_DELTAS = 8;

/**
 * Deltas for the new version: one from the previous version (the set difference of every shard)
 * plus the previous feed's own deltas, copied, so a client a few versions behind applies a short
 * chain instead of downloading every shard. A delta larger than half the full keys is not worth it
 * and is left out.
 */
export function buildDeltas(root: string, previousDir: string, previous: Manifest, next: BlacklistSection, version: number): DeltaRef[] {
  if (previous.blacklist.shardBits !== next.shardBits) return [];
  const removed: Uint8Array[] = [];
  const added: Uint8Array[] = [];
  let changes = 0;
  for (let s = 0; s < next.shards.length; s++) {
    const oldRef = previous.blacklist.shards[s]!.keys;
    const newRef = next.shards[s]!.keys;
    if (oldRef.sha256 === newRef.sha256) continue;
    const d = diffShards(readFileSync(join(previousDir, oldRef.file)), readFileSync(join(root, newRef.file)));
    removed.push(d.removed);
    added.push(d.added);
    changes += (d.removed.length + d.added.length) / 8;
    if (changes > Math.max(1000, next.count / 2)) return [];
  }
  const concat = (parts: Uint8Array[]) => Buffer.concat(parts);
  const delta = encodeDelta({ removed: concat(removed), added: concat(added) });
  const from = previous.version;
  const ref = writeFeedFile(root, 'blacklist/deltas', `${from}-${version}`, 'bin', delta, changes);
  const deltas: DeltaRef[] = [{ ...ref, from, to: version }];
  for (const old of previous.blacklist.deltas.slice(0, MAX_DELTAS - 1)) {
    const target = join(root, old.file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(previousDir, old.file), target);
    deltas.push(old);
  }
  return deltas;
}
