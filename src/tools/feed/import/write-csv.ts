import { BLACKLIST_COLUMNS } from '../build/csv-records';
import type { BlacklistRecord } from '../../../feed/format';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Records in the feed builder's blacklist CSV (UTF-8, header first: see docs/feed-format.md). */
export function blacklistCsv(records: readonly BlacklistRecord[]): string {
  const lines = [BLACKLIST_COLUMNS.join(',')];
  for (const r of records) lines.push([r.id, r.idType, r.list, r.name, r.reason, r.authority, r.listedOn, r.sourceUrl].map(quote).join(','));
  return lines.join('\n') + '\n';
}
