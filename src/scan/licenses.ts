import type { LicenseRecord } from '../types';
import type { Occurrence } from './detect-text';
import { TextRows } from './table-rows';

type Field = 'name' | 'id' | 'legalRepresentative' | 'address' | 'authority' | 'established' | 'validity' | 'scope' | 'other';

const KEYS: [Field, string[]][] = [
  ['name', ['企业名称', '公司名称', '单位名称', '经营者名称', '主办单位名称', '主办单位', '网站所有者', '商户名称', '店铺主体', '主体名称', '市场主体名称', '名称']],
  ['id', ['统一社会信用代码', '社会信用代码', '信用代码', '营业执照注册号', '注册号', '营业执照号', '纳税人识别号']],
  ['legalRepresentative', ['法定代表人', '法人代表', '法定代表人姓名', '负责人', '经营者', '投资人', '执行事务合伙人']],
  ['address', ['住所', '企业地址', '注册地址', '营业场所', '经营场所', '经营地址', '地址']],
  ['authority', ['登记机关', '发照机关', '发证机关']],
  ['established', ['成立日期', '注册日期', '成立时间', '核准日期']],
  ['validity', ['营业期限', '有效期至', '有效期限', '有效期']],
  ['scope', ['经营范围', '许可范围']],
  ['other', ['类型', '企业类型', '主体类型', '注册资本', '组成形式', '登记状态', '经营状态']],
];
const FIELD_OF = new Map(KEYS.flatMap(([f, words]) => words.map((w) => [w, f] as const)));
const KEY = new RegExp(
  `(?<![\\u4E00-\\u9FFF])(${[...FIELD_OF.keys()].sort((a, b) => b.length - a.length).join('|')})[ \\u200B]*(?:[:：]|(?=[\\t\\n]))`,
  'g',
);
const HEADING = /网店经营者营业执照信息|经营者营业执照信息|营业执照信息|证照信息|商家资质|企业资质|店铺资质|资质信息|网站所有者情况|主办单位信息|经营者信息|工商信息|亮照信息|主体信息|营业执照/g;

interface Key {
  field: Field;
  start: number;
  /** End of the key itself (with its colon). */
  keyEnd: number;
  /** A key of a header row, whose value is the cell below it. */
  column?: boolean;
  valueStart: number;
  valueEnd: number;
}

/**
 * License cards: runs of "key: value" fields close together (a table, a definition list or
 * plain lines), anchored by a heading like 营业执照信息 or by a registration number among them.
 */
export function findLicenses(norm: string, text: string, occurrences: Occurrence[], rows = new TextRows(norm)): (LicenseRecord & { start: number; end: number })[] {
  const keys: Key[] = [];
  KEY.lastIndex = 0;
  for (let m = KEY.exec(norm); m; m = KEY.exec(norm)) {
    keys.push({ field: FIELD_OF.get(m[1]!)!, start: m.index, keyEnd: KEY.lastIndex, valueStart: KEY.lastIndex, valueEnd: KEY.lastIndex });
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const limit = Math.min(keys[i + 1]?.start ?? norm.length, k.valueStart + (k.field === 'scope' ? 600 : 160));
    let s = k.valueStart;
    while (s < limit && /[\s\u200B:：]/.test(norm[s]!)) s++;
    let e = s;
    while (e < limit && norm[e] !== '\t' && norm[e] !== '\n') e++;
    k.valueStart = s;
    k.valueEnd = e;
  }
  fillColumns(rows, keys);
  const records: (LicenseRecord & { start: number; end: number })[] = [];
  const codes = codesInOrder(occurrences);
  let cluster: Key[] = [];
  let fields = new Set<Field>();
  const flush = () => {
    const rec = toRecord(cluster, norm, text, codes);
    if (rec) records.push(rec);
    cluster = [];
    fields = new Set();
  };
  for (const k of keys) {
    const prev = cluster[cluster.length - 1];
    // A gap, a field seen twice (the next company's card) or a change of layout ends a card.
    if (prev && (k.start - prev.valueEnd > 80 || !prev.column !== !k.column || (k.field !== 'other' && fields.has(k.field)))) flush();
    cluster.push(k);
    fields.add(k.field);
  }
  flush();
  return records;
}

/**
 * A table whose first row names the fields (企业名称 | 统一社会信用代码 | 法定代表人) and whose next
 * row holds the values: each key takes the cell below it.
 */
function fillColumns(rows: TextRows, keys: Key[]): void {
  const { norm } = rows;
  for (let i = 0; i < keys.length; ) {
    const [lineStart, lineEnd] = rows.lineAt(keys[i]!.start);
    const row: Key[] = [];
    while (i < keys.length && keys[i]!.start < lineEnd) row.push(keys[i++]!);
    if (row.length < 2 || lineEnd >= norm.length) continue;
    const head = rows.cells(lineStart, lineEnd);
    // Every cell of the row is one key and nothing else.
    if (head.length !== row.length || !row.every((k, c) => k.start === head[c]![0] && k.keyEnd >= head[c]![1])) continue;
    const below = rows.below(lineEnd);
    // A header row whose values do not line up below it: no key takes the first cell of the next row.
    if (below.length !== row.length) {
      for (const k of row) k.valueEnd = k.valueStart;
      continue;
    }
    row.forEach((k, c) => {
      [k.valueStart, k.valueEnd] = below[c]!;
      k.column = true;
    });
  }
}

/** A USCC or registration number found, and its place in detectText's list (the earlier one speaks for a card). */
interface Code {
  kind: 'uscc' | 'regno';
  value: string;
  start: number;
  rank: number;
}

/** The codes found, in order of where they start, so that each card finds its own by a binary search. */
function codesInOrder(occurrences: readonly Occurrence[]): Code[] {
  const codes: Code[] = [];
  occurrences.forEach((o, rank) => {
    if (o.kind === 'uscc' || o.kind === 'regno') codes.push({ kind: o.kind, value: o.value, start: o.start, rank });
  });
  return codes.sort((a, b) => a.start - b.start);
}

/** Of the codes of `kind` that start within [start, end], the one earliest in detectText's list. */
function firstCode(codes: readonly Code[], kind: Code['kind'], start: number, end: number): string | null {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codes[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let best: Code | null = null;
  for (let i = lo; i < codes.length && codes[i]!.start <= end; i++) {
    const c = codes[i]!;
    if (c.kind === kind && (!best || c.rank < best.rank)) best = c;
  }
  return best?.value ?? null;
}

function toRecord(keys: Key[], norm: string, text: string, codes: readonly Code[]): (LicenseRecord & { start: number; end: number }) | null {
  const fields = new Set(keys.map((k) => k.field));
  if (fields.size < 2) return null;
  const start = keys[0]!.start;
  const end = keys[keys.length - 1]!.valueEnd;
  const heading = headingBefore(norm, text, start);
  const uscc = firstCode(codes, 'uscc', start, end);
  const regno = firstCode(codes, 'regno', start, end);
  if (!heading && !uscc && !regno) return null;
  if (!fields.has('name') && !uscc && !regno) return null;
  const value = (field: Field) => {
    const k = keys.find((x) => x.field === field && x.valueEnd > x.valueStart);
    return k ? clean(text.slice(k.valueStart, k.valueEnd)) : null;
  };
  return {
    heading, name: value('name'), uscc, regno, legalRepresentative: value('legalRepresentative'), address: value('address'),
    authority: value('authority'), established: value('established'), validity: value('validity'), scope: value('scope'),
    evidence: clean(text.slice(start, Math.min(end, start + 240))), start, end,
  };
}

/** The longest heading HEADING matches, so that a heading ending past a card's start is still seen. */
const LONGEST_HEADING = 12;

/**
 * The nearest heading before a card, as the page wrote it. Searched for in the 120 characters before
 * the card only: a search left to run on would read the rest of the page for every card.
 */
function headingBefore(norm: string, text: string, start: number): string | null {
  const from = Math.max(0, start - 120);
  const near = norm.slice(from, start + LONGEST_HEADING);
  let found: string | null = null;
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(near); m && from + m.index < start; m = HEADING.exec(near)) found = text.slice(from + m.index, from + m.index + m[0].length);
  return found;
}

const clean = (s: string) => s.replace(/[\s\u200B]+/g, ' ').trim();
