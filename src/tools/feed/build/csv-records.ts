import { KEY_TYPES, type BlacklistRecord, type CreditLevel, type EntityRecord, type EntityStatus, type KeyType, type ListName } from '../../../feed/format';
import { canonicalKey } from '../../../feed/keys';
import { blacklistProblem, entityProblem } from '../../../feed/records';
import { detectEncoding, readCsv, type CsvEncoding } from './csv-reader';

export const BLACKLIST_COLUMNS = ['id', 'id_type', 'list', 'name', 'reason', 'authority', 'listed_on', 'source_url'] as const;
export const ENTITY_COLUMNS = ['uscc', 'name', 'status', 'credit_level', 'redlists', 'updated_on'] as const;

/** A skipped input row, reported to the publisher with its file and line. */
export interface RowProblem {
  file: string;
  line: number;
  problem: string;
}

export type RecordRow<T> = { line: number; record: T };

/** Dates as 2024-03-01, 2024/3/1 or 2024年3月1日 → YYYY-MM-DD; anything else is left for the check to refuse. */
export function isoDate(s: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s.trim();
}

/**
 * Streams the records of one CSV file. The header names the columns (any order); a row that does
 * not make a valid record is reported through `onProblem` and skipped, never silently.
 */
export async function* readRecords<T>(
  file: string,
  columns: readonly string[],
  toRecord: (get: (column: string) => string) => { record: T } | { problem: string },
  onProblem: (p: RowProblem) => void,
  onEncoding?: (encoding: CsvEncoding) => void,
): AsyncGenerator<RecordRow<T>> {
  const encoding = await detectEncoding(file);
  onEncoding?.(encoding);
  let index: Map<string, number> | null = null;
  for await (const row of readCsv(file, encoding)) {
    if ('error' in row) {
      onProblem({ file, line: row.line, problem: row.error });
      continue;
    }
    if (!index) {
      index = new Map(row.fields.map((f, i) => [f.trim().toLowerCase(), i]));
      const missing = columns.filter((c) => !index!.has(c));
      if (missing.length) throw new Error(`${file}: header is missing column(s) ${missing.join(', ')} (expected ${columns.join(',')})`);
      continue;
    }
    if (row.fields.length === 1 && row.fields[0]!.trim() === '') continue;
    if (row.fields.length < index.size) {
      onProblem({ file, line: row.line, problem: `${row.fields.length} columns, expected ${index.size}` });
      continue;
    }
    const fields = row.fields;
    const got = toRecord((c) => (fields[index!.get(c)!] ?? '').trim());
    if ('problem' in got) onProblem({ file, line: row.line, problem: got.problem });
    else yield { line: row.line, record: got.record };
  }
  if (!index) throw new Error(`${file}: empty file (no header)`);
}

/** blacklist CSV row → record. */
export function blacklistFromRow(get: (column: string) => string): { record: BlacklistRecord } | { problem: string } {
  const idType = get('id_type').toLowerCase() as KeyType;
  const id = (KEY_TYPES.includes(idType) && canonicalKey(idType, get('id'))) || get('id');
  const record: BlacklistRecord = {
    id,
    idType,
    list: get('list').toLowerCase() as ListName,
    name: get('name'),
    reason: get('reason'),
    authority: get('authority'),
    listedOn: isoDate(get('listed_on')),
    sourceUrl: get('source_url'),
  };
  const problem = blacklistProblem(record);
  return problem ? { problem } : { record };
}

/** entities CSV row → record. redlists are separated by ; or |. */
export function entityFromRow(get: (column: string) => string): { record: EntityRecord } | { problem: string } {
  const level = get('credit_level').toUpperCase();
  const record: EntityRecord = {
    uscc: canonicalKey('uscc', get('uscc')) ?? get('uscc'),
    name: get('name'),
    status: get('status') as EntityStatus,
    creditLevel: level === '' ? null : (level as CreditLevel),
    redlists: get('redlists').split(/[;；|]/).map((s) => s.trim()).filter(Boolean),
    updatedOn: isoDate(get('updated_on')),
  };
  const problem = entityProblem(record);
  return problem ? { problem } : { record };
}
