import { BLACKLIST_COLUMNS } from '../feed/build/csv-records';
import { canonicalDomain, canonicalKey } from '../../feed/keys';
import type { KeyType } from '../../feed/format';
import { platformForHost } from '../../platforms/registry';
import { categoryLabel } from '../../reports/categories';
import type { IdentifierKind } from '../../types';
import type { StoredReport } from './report-store';

/** A row of the blacklist CSV, in the columns `liangzhao feed build` reads. */
export type BlacklistRow = Record<(typeof BLACKLIST_COLUMNS)[number], string>;

/** Identifier kinds that a blacklist can hold, and their id_type. Permits are not shop identities. */
const ID_TYPES: Partial<Record<IdentifierKind, KeyType>> = {
  uscc: 'uscc',
  regno: 'regno',
  'icp-filing': 'icp',
  'icp-license': 'icp',
  'psb-filing': 'psb',
};

export const COMMUNITY_AUTHORITY = '亮照卫士社区举报 (Liangzhao Guard community reports)';

/**
 * The shop's own domain, or null when the page is on a shared marketplace (taobao.com, jd.com …):
 * listing a marketplace's domain would flag every shop on it, the worst kind of false alarm.
 */
export function shopDomain(url: string): string | null {
  const host = canonicalDomain(url);
  if (!host || /^[\d.]+$/.test(host) || platformForHost(host)) return null;
  return host;
}

/**
 * Blacklist rows from reviewed suspect-shop reports: the valid identifiers the page showed, and the
 * shop's own domain, in the canonical form `feed build` hashes (src/feed/keys.ts). One row per
 * (id_type, id): the earliest review wins, later reasons are added.
 * False-positive reports never produce rows.
 */
export function blacklistRows(reports: readonly StoredReport[]): BlacklistRow[] {
  const rows = new Map<string, BlacklistRow>();
  const add = (raw: string, idType: KeyType, r: StoredReport) => {
    const id = idType === 'domain' ? raw : canonicalKey(idType, raw);
    if (!id) return;
    const key = `${idType}:${id}`;
    const reason = `社区举报: ${categoryLabel(r.report.category!, 'zh-CN')}`;
    const existing = rows.get(key);
    if (existing) {
      if (!existing.reason.includes(reason)) existing.reason += `; ${reason}`;
      return;
    }
    rows.set(key, {
      id,
      id_type: idType,
      list: 'community',
      name: r.report.evidence.shopName ?? r.report.evidence.title,
      reason,
      authority: COMMUNITY_AUTHORITY,
      listed_on: (r.reviewedAt ?? r.receivedAt).slice(0, 10),
      source_url: r.report.evidence.url,
    });
  };
  const ordered = [...reports].sort((a, b) => (a.reviewedAt ?? a.receivedAt).localeCompare(b.reviewedAt ?? b.receivedAt));
  for (const r of ordered) {
    if (r.status !== 'reviewed' || r.report.kind !== 'suspect-shop' || !r.report.category) continue;
    for (const i of r.report.evidence.identifiers) {
      const idType = ID_TYPES[i.kind];
      if (idType && i.valid) add(i.value, idType, r);
    }
    const domain = shopDomain(r.report.evidence.url);
    if (domain) add(domain, 'domain', r);
  }
  return [...rows.values()];
}

/** Control, line and direction characters: never copied into the CSV (a reviewer may print it, a spreadsheet show it). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * One CSV field (RFC 4180). Control characters become a space; a field starting with = + - @ (the
 * starts spreadsheets read as a formula; tab and carriage return are gone already) gets a leading
 * apostrophe, in every column, so a spreadsheet opening the file never runs what a report said.
 */
function field(value: string): string {
  let v = value.replace(UNSAFE, ' ');
  if (/^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text, with header line and CRLF-free LF line ends. */
export function toBlacklistCsv(rows: readonly BlacklistRow[]): string {
  const lines = [BLACKLIST_COLUMNS.join(',')];
  for (const row of rows) lines.push(BLACKLIST_COLUMNS.map((c) => field(row[c])).join(','));
  return lines.join('\n') + '\n';
}
