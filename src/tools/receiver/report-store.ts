import type { Report } from '../../reports/report';

/** Where a received report is in review. Only `reviewed` reports go into the community blacklist. */
export type ReviewStatus = 'new' | 'reviewed' | 'rejected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['new', 'reviewed', 'rejected'];

/** One received report as stored. No client address or header is kept: only the report itself. */
export interface StoredReport {
  /** Receiver-assigned id (a number as text), returned to the client as the receipt. */
  id: string;
  idempotencyKey: string;
  /** SHA-256 of the report's canonical JSON: tells a retry from a different report reusing a key. */
  bodyHash: string;
  receivedAt: string;
  status: ReviewStatus;
  reviewedAt: string | null;
  reviewNote: string | null;
  report: Report;
}

/** Result of storing: a new row, the same report again, or a different report under a used key. */
export type InsertResult =
  | { kind: 'inserted'; id: string }
  | { kind: 'duplicate'; id: string }
  | { kind: 'conflict'; id: string };

/**
 * Storage behind the receiver (SQLite by default, PostgreSQL for postgres:// URLs). Deduplication
 * is the store's job, atomically: one row per idempotency key whatever the concurrency.
 */
export interface ReportStore {
  readonly description: string;
  insert(report: Report, bodyHash: string, receivedAt: string): Promise<InsertResult>;
  get(id: string): Promise<StoredReport | null>;
  list(filter?: { status?: ReviewStatus }): Promise<StoredReport[]>;
  /** Sets the review status; false when no report has this id. */
  review(id: string, status: ReviewStatus, note: string | null, at: string): Promise<boolean>;
  /** Cheap liveness check for /healthz: throws when the database is unusable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
