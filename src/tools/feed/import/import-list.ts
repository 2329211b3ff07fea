import { extname } from 'node:path';
import { LIST_CODES, type BlacklistRecord, type ListName } from '../../../feed/format';
import { blacklistProblem } from '../../../feed/records';
import { checkRegno, checkUscc } from '../../../identifiers/checks';
import { compact } from '../../../identifiers/normalize';
import { detectEncoding, readCsv } from '../build/csv-reader';
import { isoDate, type RowProblem } from '../build/csv-records';
import { columnsOf, type ImportField } from './column-map';
import { excelSerialDate, readXlsx, type SheetRow } from './xlsx-reader';

export interface ImportOptions {
  /** The list the rows go on, unless a 名单类型 column says otherwise per row. */
  list: ListName;
  /** Header → field (`--map`); null = the known headers only. */
  map: Map<string, ImportField> | null;
  sheet: string | null;
  /** For sheets without an authority or source column (one decision, one authority). */
  authority: string | null;
  sourceUrl: string;
}

export interface ImportResult {
  records: BlacklistRecord[];
  rejected: RowProblem[];
  /** Rows merged into an earlier one with the same code on the same list. */
  merged: { file: string; line: number; id: string; into: number }[];
  /** Data rows read, per file, with the encoding of a CSV. */
  files: { file: string; rows: number; encoding: string }[];
}

/** How many rows from the top may be titles before the header row. */
const HEADER_SEARCH = 20;

async function rowsOf(file: string, sheet: string | null, rejected: RowProblem[]): Promise<{ rows: SheetRow[]; encoding: string }> {
  if (/^\.xlsx$/i.test(extname(file))) return { rows: await readXlsx(file, sheet), encoding: 'xlsx' };
  if (/^\.xls$/i.test(extname(file))) throw new Error(`${file}: the old binary .xls format is not read; save it as .xlsx or .csv`);
  const encoding = await detectEncoding(file);
  const rows: SheetRow[] = [];
  for await (const r of readCsv(file, encoding)) {
    if ('error' in r) rejected.push({ file, line: r.line, problem: r.error });
    else rows.push({ line: r.line, cells: r.fields.map((f) => f.trim()) });
  }
  return { rows, encoding };
}

/** A code as registers write it → the feed's id, or why it is not one (the check character too). */
export function validCode(raw: string): { id: string; idType: 'uscc' | 'regno' } | { problem: string } {
  const v = compact(raw).toUpperCase().replace(/[-_.]/g, '');
  if (v.length === 18) {
    const problems = checkUscc(v);
    return problems.length ? { problem: `统一社会信用代码 ${v} is not valid (${problems.join(', ')})` } : { id: v, idType: 'uscc' };
  }
  if (v.length === 15) return checkRegno(v).length ? { problem: `注册号 ${v} is not valid (check digit)` } : { id: v, idType: 'regno' };
  return { problem: v ? `${v} is neither an 18-character 统一社会信用代码 nor a 15-digit 注册号` : 'no code' };
}

/** A date cell: an Excel serial day, or text such as 2024-03-15, 2024/3/15, 2024年3月15日. */
const dateOf = (s: string) => (/^\d{5}(?:\.\d+)?$/.test(s) ? excelSerialDate(Number(s)) : isoDate(s));

const LIST_WORDS: Record<string, ListName> = { 经营异常名录: 'abnormal-operation', 经营异常: 'abnormal-operation', 严重违法失信名单: 'serious-dishonest', 严重违法失信: 'serious-dishonest', 严重失信主体名单: 'serious-dishonest', 失信被执行人: 'court-dishonest' };
const listOf = (cell: string, fallback: ListName): ListName | null => (!cell ? fallback : cell in LIST_CODES ? (cell as ListName) : (LIST_WORDS[cell.replace(/\s/g, '')] ?? null));

/**
 * A regulator's spreadsheets (XLSX, or CSV in UTF-8 or GBK) → the feed's blacklist records: the
 * header row found below any title rows, columns by the map or the known Chinese headers, every code
 * checked (check character included), a code listed twice on the same list merged into one record
 * (earliest date, every distinct reason), and every rejected row reported with its file and line.
 */
export async function importList(files: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const rejected: RowProblem[] = [];
  const merged: ImportResult['merged'] = [];
  const byKey = new Map<string, { record: BlacklistRecord; line: number }>();
  const seenFiles: ImportResult['files'] = [];
  for (const file of files) {
    const { rows, encoding } = await rowsOf(file, options.sheet, rejected);
    const at = rows.slice(0, HEADER_SEARCH).findIndex((r) => columnsOf(r.cells, options.map) !== null);
    if (at < 0) throw new Error(`${file}: no header row with a 统一社会信用代码 column in the first ${HEADER_SEARCH} rows (use --map HEADER=id,…)`);
    const cols = columnsOf(rows[at]!.cells, options.map)!;
    let count = 0;
    for (const row of rows.slice(at + 1)) {
      const get = (f: ImportField) => (cols.has(f) ? (row.cells[cols.get(f)!] ?? '').trim() : '');
      if (row.cells.every((c) => !c)) continue;
      count++;
      const code = validCode(get('id'));
      if ('problem' in code) {
        rejected.push({ file, line: row.line, problem: code.problem });
        continue;
      }
      const list = listOf(get('list'), options.list);
      if (!list) {
        rejected.push({ file, line: row.line, problem: `unknown list "${get('list')}"` });
        continue;
      }
      const record: BlacklistRecord = { id: code.id, idType: code.idType, list, name: get('name'), reason: get('reason'), authority: get('authority') || options.authority || '', listedOn: dateOf(get('listed_on')), sourceUrl: get('source_url') || options.sourceUrl };
      const problem = blacklistProblem(record);
      if (problem) {
        rejected.push({ file, line: row.line, problem });
        continue;
      }
      const key = `${record.idType}:${record.id}|${record.list}`;
      const earlier = byKey.get(key);
      if (!earlier) byKey.set(key, { record, line: row.line });
      else {
        merged.push({ file, line: row.line, id: record.id, into: earlier.line });
        earlier.record = mergeRecords(earlier.record, record);
      }
    }
    seenFiles.push({ file, rows: count, encoding });
  }
  return { records: [...byKey.values()].map((v) => v.record), rejected, merged, files: seenFiles };
}

/** Two listings of one code on one list: the earliest date, every distinct reason, the first name. */
function mergeRecords(a: BlacklistRecord, b: BlacklistRecord): BlacklistRecord {
  const reasons = [...new Set([...a.reason.split('；'), ...b.reason.split('；')].filter(Boolean))];
  const first = a.listedOn <= b.listedOn ? a : b;
  return { ...a, name: a.name || b.name, reason: reasons.join('；').slice(0, 2000), authority: first.authority, listedOn: first.listedOn, sourceUrl: a.sourceUrl || b.sourceUrl };
}
