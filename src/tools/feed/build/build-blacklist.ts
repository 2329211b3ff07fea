import { prefixOf } from '../../../feed/bytes';
import { HASH_BYTES, LIST_CODES, RECORD_BYTES, type BlacklistRecord, type BlacklistShard, type LeafIndex } from '../../../feed/format';
import { keyString } from '../../../feed/keys';
import { Buckets } from './buckets';
import { BLACKLIST_COLUMNS, blacklistFromRow, readRecords, type RowProblem } from './csv-records';
import type { CsvEncoding } from './csv-reader';
import { hexOf, nodeSha256, writeFeedFile } from './write-file';

export interface BlacklistSection {
  shardBits: number;
  leafBits: number;
  count: number;
  shards: BlacklistShard[];
}

export interface BuildInputOptions {
  tmp: string;
  /** Sees every accepted record as it streams past (the domain files are collected this way). */
  onRecord?(record: BlacklistRecord): void;
  onProblem(p: RowProblem): void;
  onEncoding?(file: string, encoding: CsvEncoding): void;
}

/** About 32 K keys (256 KB) per synced shard and 256 records per details leaf. */
export function blacklistBits(count: number): { shardBits: number; leafBits: number } {
  const bits = (per: number, max: number) => Math.min(max, Math.max(0, Math.ceil(Math.log2(Math.max(1, count) / per))));
  const shardBits = bits(32768, 12);
  return { shardBits, leafBits: Math.max(shardBits, bits(256, 20)) };
}

interface Row {
  hash: Buffer;
  order: number;
  where: string;
  record: BlacklistRecord;
}

/**
 * Builds the blacklist section: stream rows → hash each key → append to one of 256 temp files →
 * sort each and write its shards (packed keys, leaf index, detail leaves). Only one bucket's rows
 * are in memory at a time.
 */
export async function buildBlacklist(
  root: string,
  files: string[],
  options: BuildInputOptions & { bits?: { shardBits: number; leafBits: number } },
): Promise<BlacklistSection> {
  const buckets = new Buckets(options.tmp, 'blacklist');
  let order = 0;
  for (const file of files) {
    const rows = readRecords(file, BLACKLIST_COLUMNS, blacklistFromRow, options.onProblem, (e) => options.onEncoding?.(file, e));
    for await (const { line, record } of rows) {
      options.onRecord?.(record);
      const hash = nodeSha256(keyString(record.idType, record.id));
      buckets.add(hash[0]!, `${hash.toString('hex')}\t${order++}\t${file}:${line}\t${JSON.stringify(record)}`);
    }
  }
  const { shardBits, leafBits } = options.bits ?? blacklistBits(buckets.count);
  const shards: BlacklistShard[] = [];
  let current: Row[] = [];
  let currentShard = 0;
  let count = 0;
  const emit = () => {
    count += writeShard(root, currentShard, shardBits, leafBits, current, shards);
    current = [];
    currentShard++;
  };
  for (let b = 0; b < 256; b++) {
    const rows = dedupe(buckets.take(b).map(parseRow), options.onProblem);
    for (const row of rows) {
      const shard = prefixOf(row.hash, shardBits);
      while (shard > currentShard) emit();
      current.push(row);
    }
  }
  while (currentShard < 2 ** shardBits) emit();
  return { shardBits, leafBits, count, shards };
}

function parseRow(line: string): Row {
  const [hex, order, where, json] = line.split('\t', 4) as [string, string, string, string];
  return { hash: Buffer.from(hex, 'hex'), order: Number(order), where, record: JSON.parse(json) as BlacklistRecord };
}

/** Sorts a bucket by hash; a key listed twice on the same list keeps the later row and says so. */
function dedupe(rows: Row[], onProblem: (p: RowProblem) => void): Row[] {
  rows.sort((a, b) => Buffer.compare(a.hash, b.hash) || LIST_CODES[a.record.list] - LIST_CODES[b.record.list] || a.order - b.order);
  const out: Row[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.hash.equals(row.hash) && prev.record.list === row.record.list) {
      const [file, line] = splitWhere(row.where);
      onProblem({ file, line, problem: `repeats ${prev.where} (${row.record.idType} ${row.record.id} on ${row.record.list}); the later row is kept` });
      out[out.length - 1] = row;
    } else out.push(row);
  }
  return out;
}

function splitWhere(where: string): [string, number] {
  const i = where.lastIndexOf(':');
  return [where.slice(0, i), Number(where.slice(i + 1))];
}

/** Writes one shard's files; returns its number of key records. */
function writeShard(root: string, shard: number, shardBits: number, leafBits: number, rows: Row[], shards: BlacklistShard[]): number {
  const packed = rows.map((r) => {
    const rec = Buffer.alloc(RECORD_BYTES);
    r.hash.copy(rec, 0, 0, HASH_BYTES);
    rec[HASH_BYTES] = LIST_CODES[r.record.list];
    return rec;
  });
  packed.sort(Buffer.compare);
  const unique = packed.filter((p, i) => i === 0 || !p.equals(packed[i - 1]!));
  const keys = writeFeedFile(root, 'blacklist/keys', hexOf(shard, shardBits), 'bin', Buffer.concat(unique), unique.length);
  const per = 2 ** (leafBits - shardBits);
  const first = shard * per;
  const byLeaf: BlacklistRecord[][] = Array.from({ length: per }, () => []);
  for (const r of rows) byLeaf[prefixOf(r.hash, leafBits) - first]!.push(r.record);
  const index: LeafIndex = {
    leafBits,
    first,
    leaves: byLeaf.map((records, i) =>
      records.length ? writeFeedFile(root, 'blacklist/details', hexOf(first + i, leafBits), 'json', Buffer.from(JSON.stringify(records)), records.length) : null,
    ),
  };
  const indexRef = writeFeedFile(root, 'blacklist/index', hexOf(shard, shardBits), 'json', Buffer.from(JSON.stringify(index)), rows.length);
  shards.push({ keys, index: indexRef });
  return unique.length;
}
