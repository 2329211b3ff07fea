import type { Report } from '../../reports/report';
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

/** The reports table; only the id column differs between SQLite and PostgreSQL. */
export function reportsSchema(idColumn: string): string {
  return `
CREATE TABLE IF NOT EXISTS reports (
  id ${idColumn},
  idempotency_key TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT,
  url TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'rejected')),
  reviewed_at TEXT,
  review_note TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_status ON reports (status, id);
`;
}
