import { prefixOf } from '../../../feed/bytes';
import type { EntityRecord, FileRef, LeafIndex } from '../../../feed/format';
import { keyString } from '../../../feed/keys';
import { Buckets } from './buckets';
import type { BuildInputOptions } from './build-blacklist';
import { ENTITY_COLUMNS, entityFromRow, readRecords } from './csv-records';
import { hexOf, nodeSha256, writeFeedFile } from './write-file';

export interface EntitySection {
  groupBits: number;
  leafBits: number;
  count: number;
  groups: (FileRef | null)[];
}

/**
 * About 512 entities per leaf: a lookup downloads one leaf, and the request names a hash prefix
 * shared by every entity in it. Up to 64 leaves per group index.
 */
export function entityBits(count: number): { groupBits: number; leafBits: number } {
  const leafBits = Math.min(20, Math.max(0, Math.ceil(Math.log2(Math.max(1, count) / 512))));
  return { groupBits: Math.min(16, Math.max(0, leafBits - 6)), leafBits };
}

interface Row {
  hash: Buffer;
  order: number;
  where: string;
  record: EntityRecord;
}

/** Builds the entity section the same bounded-memory way as the blacklist. */
export async function buildEntities(root: string, files: string[], options: BuildInputOptions): Promise<EntitySection> {
  const buckets = new Buckets(options.tmp, 'entities');
  let order = 0;
  for (const file of files) {
    const rows = readRecords(file, ENTITY_COLUMNS, entityFromRow, options.onProblem, (e) => options.onEncoding?.(file, e));
    for await (const { line, record } of rows) {
      const hash = nodeSha256(keyString('uscc', record.uscc));
      buckets.add(hash[0]!, `${hash.toString('hex')}\t${order++}\t${file}:${line}\t${JSON.stringify(record)}`);
    }
  }
  const { groupBits, leafBits } = entityBits(buckets.count);
  const groups: (FileRef | null)[] = [];
  let current: Row[] = [];
  let count = 0;
  const emit = () => {
    const group = groups.length;
    count += current.length;
    groups.push(current.length ? writeGroup(root, group, groupBits, leafBits, current) : null);
    current = [];
  };
  for (let b = 0; b < 256; b++) {
    const rows = buckets.take(b).map((line): Row => {
      const [hex, ord, where, json] = line.split('\t', 4) as [string, string, string, string];
      return { hash: Buffer.from(hex, 'hex'), order: Number(ord), where, record: JSON.parse(json) as EntityRecord };
    });
    rows.sort((a, b) => Buffer.compare(a.hash, b.hash) || a.order - b.order);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = rows[i + 1];
      if (next && next.hash.equals(row.hash)) {
        const at = next.where.lastIndexOf(':');
        options.onProblem({ file: next.where.slice(0, at), line: Number(next.where.slice(at + 1)), problem: `repeats ${row.where} (uscc ${row.record.uscc}); the later row is kept` });
        continue;
      }
      while (prefixOf(row.hash, groupBits) > groups.length) emit();
      current.push(row);
    }
  }
  while (groups.length < 2 ** groupBits) emit();
  return { groupBits, leafBits, count, groups };
}

function writeGroup(root: string, group: number, groupBits: number, leafBits: number, rows: Row[]): FileRef {
  const per = 2 ** (leafBits - groupBits);
  const first = group * per;
  const byLeaf: EntityRecord[][] = Array.from({ length: per }, () => []);
  for (const r of rows) byLeaf[prefixOf(r.hash, leafBits) - first]!.push(r.record);
  const index: LeafIndex = {
    leafBits,
    first,
    leaves: byLeaf.map((records, i) =>
      records.length ? writeFeedFile(root, 'entities/leaves', hexOf(first + i, leafBits), 'json', Buffer.from(JSON.stringify(records)), records.length) : null,
    ),
  };
  return writeFeedFile(root, 'entities/index', hexOf(group, groupBits), 'json', Buffer.from(JSON.stringify(index)), rows.length);
}
