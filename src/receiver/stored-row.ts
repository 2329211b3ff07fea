import type { Report } from '../reports/report';
import type { ReviewStatus, StoredReport } from './report-store';

/** A report row as both stores (SQLite, PostgreSQL) keep it. */
export interface ReportRow {
  id: string | number;
  idempotency_key: string;
  body_hash: string;
  received_at: string;
  status: ReviewStatus;
  reviewed_at: string | null;
  review_note: string | null;
  body: string;
}

/** A stored row as the receiver's API returns it. */
export function toStored(row: ReportRow): StoredReport {
  return {
    id: String(row.id),
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    receivedAt: row.received_at,
    status: row.status,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    report: JSON.parse(row.body) as Report,
  };
}
