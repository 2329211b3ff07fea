import type { IdentifierKind } from '../types';
import { checkOrgcode, checkRegno, checkUscc, isIdCardNumber } from '../identifiers/checks';
import { CODE_RUN, joinGroups, splitTokens, tokenAt, type Group } from '../identifiers/code-tokens';
import { findForms } from '../identifiers/forms';
import { findPermits } from '../identifiers/permits';
import { BUSINESS_LABEL, NEGATIVE_LABEL, labelClass, type LabelClass } from '../identifiers/labels';
import { regionOfDivision } from '../identifiers/provinces';
import { TextRows, cellIndexAt } from './table-rows';

/** One identifier occurrence in a text, before de-duplication. */
export interface Occurrence {
  kind: IdentifierKind;
  value: string;
  valid: boolean;
  problems: string[];
  label: string | null;
  region?: string;
  start: number;
  end: number;
}

/** Between a label and its value: colons, spaces, cell and line breaks, "/注册号", "(18位)". */
const LABEL_GAP = /(?:[\s:：\u200B/／、或\-|]|[(（][^()（）\n]{0,8}[)）])*/y;
const MAX_GAP = 24;
const LABEL_AGAIN = new RegExp(BUSINESS_LABEL.source, 'y');

/**
 * Finds the identifiers in one piece of normalized text: anchored forms, labelled codes (reported
 * even when invalid) and unlabelled codes (reported only when they pass every check). `rows`: the
 * text's table rows, when the caller shares them with findLicenses.
 */
export function detectText(norm: string, rows = new TextRows(norm)): Occurrence[] {
  const found: Occurrence[] = [];
  for (const f of findForms(norm)) {
    found.push({ kind: f.kind, value: f.value, valid: f.problems.length === 0, problems: f.problems, label: f.label, region: f.region, start: f.start, end: f.end });
  }
  const taken = new Set<number>();
  const labels = new RegExp(BUSINESS_LABEL.source, 'g');
  for (let m = labels.exec(norm); m; m = labels.exec(norm)) {
    const occ = labelled(norm, m[0], labels.lastIndex) ?? labelledBelow(rows, m[0], m.index);
    if (occ) {
      found.push(occ);
      taken.add(occ.start);
      labels.lastIndex = Math.max(labels.lastIndex, occ.end);
    }
  }
  const overlaps = overlapTest(found);
  for (const p of findPermits(norm)) {
    if (overlaps(p.start, p.end)) continue;
    found.push({ kind: 'permit', value: p.value, valid: true, problems: [], label: p.label, start: p.start, end: p.end });
    taken.add(p.start);
  }
  CODE_RUN.lastIndex = 0;
  for (let m = CODE_RUN.exec(norm); m; m = CODE_RUN.exec(norm)) {
    for (const groups of splitTokens(m[0], m.index)) {
      if (taken.has(groups[0]!.start)) continue;
      const occ = unlabelled(norm, groups, rows);
      if (occ) found.push(occ);
    }
  }
  return found;
}

function labelled(norm: string, label: string, after: number): Occurrence | null {
  const cls = labelClass(label)!;
  LABEL_GAP.lastIndex = after;
  LABEL_GAP.exec(norm);
  let pos = LABEL_GAP.lastIndex;
  // "统一社会信用代码/注册号：" — a second label in a row.
  LABEL_AGAIN.lastIndex = pos;
  const again = LABEL_AGAIN.exec(norm);
  if (again) {
    LABEL_GAP.lastIndex = pos + again[0].length;
    LABEL_GAP.exec(norm);
    pos = LABEL_GAP.lastIndex;
  }
  if (pos - after > MAX_GAP) return null;
  const groups = tokenAt(norm, pos);
  if (!groups) return null;
  return classifyLabelled(groups, cls, label);
}

/** A header cell longer than this, or with digits in it, is not a column's name. */
const HEADER_CELL = 16;

/**
 * A label that is a header cell of a table (统一社会信用代码 | 企业名称 | … above a row of values):
 * the value is the cell below it, when the row below has as many cells as the header.
 */
function labelledBelow(rows: TextRows, label: string, at: number): Occurrence | null {
  const { norm } = rows;
  const [lineStart, lineEnd] = rows.lineAt(at);
  if (lineEnd >= norm.length) return null;
  const head = rows.cells(lineStart, lineEnd);
  const column = cellIndexAt(head, at, true);
  if (head.length < 2 || column < 0 || !isHeaderRow(rows, lineStart, head)) return null;
  const below = rows.below(lineEnd);
  if (below.length !== head.length) return null;
  const [start, end] = below[column]!;
  const groups = tokenAt(norm, start);
  if (!groups || groups[groups.length - 1]!.end > end) return null;
  return classifyLabelled(groups, labelClass(label)!, label);
}

/** Whether a row's cells could all be column names: asked once per row, however many labels it holds. */
const headerRows = new WeakMap<TextRows, Map<number, boolean>>();
function isHeaderRow(rows: TextRows, lineStart: number, head: readonly [number, number][]): boolean {
  let known = headerRows.get(rows);
  if (!known) headerRows.set(rows, (known = new Map()));
  let header = known.get(lineStart);
  if (header === undefined) {
    header = !head.some(([s, e]) => e - s > HEADER_CELL || /\d/.test(rows.norm.slice(s, e)));
    known.set(lineStart, header);
  }
  return header;
}

/**
 * Does [start, end) overlap any of `found`? Sorted once, then a binary search per question, so that a
 * page of thousands of permits and codes does not compare every one with every other.
 */
function overlapTest(found: readonly Occurrence[]): (start: number, end: number) => boolean {
  const spans = found.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
  // reach[i]: the furthest end among spans[0..i].
  const reach: number[] = [];
  for (const [, e] of spans) reach.push(Math.max(e, reach[reach.length - 1] ?? -Infinity));
  return (start, end) => {
    // The spans that start before `end`: spans[0..lo).
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > start;
  };
}

/** The value decides the kind; the label decides that an invalid value is still reported. */
function classifyLabelled(groups: Group[], cls: LabelClass, label: string): Occurrence | null {
  const prefixes: { value: string; to: number }[] = [];
  for (let k = 1; k <= groups.length && k <= 12; k++) prefixes.push({ value: joinGroups(groups, 0, k), to: k });
  const start = groups[0]!.start;
  const make = (kind: IdentifierKind, value: string, to: number, problems: string[]): Occurrence => ({
    kind, value, valid: problems.length === 0, problems, label, start, end: groups[to - 1]!.end,
    ...(kind === 'uscc' && value.length === 18 ? { region: regionOfDivision(value.slice(2, 8)) } : {}),
  });
  const uscc = prefixes.find((p) => p.value.length === 18);
  if (uscc && cls !== 'org') return make('uscc', uscc.value, uscc.to, checkUscc(uscc.value));
  const regno = prefixes.find((p) => p.value.length === 15 && /^\d+$/.test(p.value));
  if (regno && cls !== 'org') {
    const problems = checkRegno(regno.value);
    // A 15-digit tax number (region + organization code) is not a 注册号: not ours to judge.
    if (cls === 'tax' && problems.length) return null;
    return make('regno', regno.value, regno.to, problems);
  }
  const org = prefixes.find((p) => p.value.length === 9);
  if (org && (cls === 'org' || cls === 'tax')) {
    const problems = checkOrgcode(org.value);
    return cls === 'tax' && problems.length ? null : make('orgcode', org.value, org.to, problems);
  }
  if (cls === 'tax') return null;
  // Nothing of the right length: report the value as shown when it is plausibly a botched code.
  const shown = prefixes.filter((p) => p.value.length <= 20).pop();
  if (!shown || !/\d/.test(shown.value)) return null;
  const n = shown.value.length;
  if (cls === 'credit' && n >= 12) return make('uscc', shown.value, shown.to, ['length']);
  if (cls === 'regno' && n >= 13 && /^\d+$/.test(shown.value)) return make('regno', shown.value, shown.to, ['length']);
  if (cls === 'regno' && n >= 16) return make('uscc', shown.value, shown.to, ['length']);
  if (cls === 'org' && n >= 8 && n <= 10) return make('orgcode', shown.value, shown.to, checkOrgcode(shown.value).length ? ['length'] : []);
  return null;
}

/** An unlabelled 18-character code counts only if it passes the full structure and check. */
function unlabelled(norm: string, groups: Group[], rows: TextRows): Occurrence | null {
  const n = groups.length;
  for (let i = 0; i < n; i++) {
    let value = '';
    // Groups are added whole, so an 18-character run inside a longer unseparated number never fits.
    for (let j = i; j < n && value.length < 18; j++) {
      value += groups[j]!.text;
      if (value.length === 18 && strictUscc(value)) {
        const start = groups[i]!.start;
        if (negativeContext(rows, start)) return null;
        return { kind: 'uscc', value, valid: true, problems: [], label: null, region: regionOfDivision(value.slice(2, 8)), start, end: groups[j]!.end };
      }
    }
  }
  return null;
}

function strictUscc(value: string): boolean {
  if (checkUscc(value).length) return false;
  if (checkOrgcode(value.slice(8, 17)).length) return false;
  return !isIdCardNumber(value);
}

/** Is the value introduced as an order number, phone, tracking number…, on its line or by its column's header? */
function negativeContext(rows: TextRows, start: number): boolean {
  const { norm } = rows;
  // The line break is looked for within the 16 characters only (a long line must not be searched per code).
  let from = Math.max(0, start - 16);
  for (let i = start; i >= from; i--) {
    if (norm.charCodeAt(i) === 10) {
      from = i + 1;
      break;
    }
  }
  return NEGATIVE_LABEL.test(norm.slice(from, start)) || negativeHeader(rows, start);
}

/** A table cell under a header cell such as 订单号 or 运单号. */
function negativeHeader(rows: TextRows, start: number): boolean {
  const { norm } = rows;
  const [lineStart, lineEnd] = rows.lineAt(start);
  const cells = rows.cells(lineStart, lineEnd);
  if (cells.length < 2) return false;
  const head = rows.above(lineStart);
  const column = cellIndexAt(cells, start);
  if (head.length !== cells.length || column < 0) return false;
  const [s, e] = head[column]!;
  return e - s <= HEADER_CELL && NEGATIVE_LABEL.test(norm.slice(s, e));
}
