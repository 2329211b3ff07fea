import { readFile } from 'node:fs/promises';
import { zipEntries } from './zip-entries';

/** One row of a sheet: its row number (as the spreadsheet shows it) and its cells by column. */
export interface SheetRow {
  line: number;
  cells: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? whole),
  );

/** The text of every <t> in an element (a shared string may be rich text: several runs). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** "AB12" → 27 (0-based column). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Path of a workbook's sheet (the first, or the one named), from workbook.xml and its relationships. */
function sheetPath(files: Map<string, Buffer>, sheetName: string | null): string {
  const workbook = files.get('xl/workbook.xml')?.toString('utf8');
  const rels = files.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!workbook || !rels) throw new Error('not an XLSX workbook (no xl/workbook.xml)');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => ({ name: unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''), rid: /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? '' }));
  const sheet = sheetName === null ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(sheetName === null ? 'the workbook has no sheet' : `no sheet named "${sheetName}" (sheets: ${sheets.map((s) => s.name).join(', ')})`);
  const rel = [...rels.matchAll(/<Relationship\b[^>]*\/?>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${sheet.rid}"`));
  const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
  if (!target) throw new Error(`sheet "${sheet.name}" has no part`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * The rows of one sheet of an XLSX file, as text: shared strings, inline strings and numbers (dates
 * stay Excel serial numbers; the importer turns them into dates where a date is expected). A minimal
 * reader of the OOXML zip (zip-entries.ts) rather than a spreadsheet library: lists need text only.
 */
export async function readXlsx(path: string, sheetName: string | null = null): Promise<SheetRow[]> {
  const buf = await readFile(path);
  const files = zipEntries(buf, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml' || n.startsWith('xl/worksheets/'));
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
  const sheet = files.get(sheetPath(files, sheetName))?.toString('utf8');
  if (!sheet) throw new Error('the sheet part is missing from the file');
  const rows: SheetRow[] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const line = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of row[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(body);
      else if (v !== undefined) text = unescapeXml(v);
      cells[ref ? columnOf(ref) : cells.length] = text.trim();
    }
    rows.push({ line, cells: Array.from(cells, (x) => x ?? '') });
  }
  return rows;
}

/** An Excel serial day number (1900 date system) → YYYY-MM-DD. */
export function excelSerialDate(serial: number): string {
  // Day 60 is Excel's 1900-02-29, which never was; serials after it are one day ahead.
  const days = serial > 60 ? serial - 1 : serial;
  return new Date(Date.UTC(1899, 11, 31) + Math.floor(days) * 86_400_000).toISOString().slice(0, 10);
}
