import { Dexie, type EntityTable } from 'dexie';
import type { CategoryId } from './categories';
import type { Report, ReportKind } from './report';

/**
 * Where a report is on its way to the receiver. `kept`: submitted while no receiver was configured,
 * so it stays on this device (its 12315 draft is the next step) and is never sent unless the user
 * later asks for it to be (retryNow).
 */
export type OutboxStatus = 'kept' | 'queued' | 'sending' | 'sent' | 'failed-permanent';

/** One submitted report and its delivery state; the row is the report's only copy until it is sent. */
export interface OutboxEntry {
  /** The report's idempotency key. */
  key: string;
  report: Report;
  status: OutboxStatus;
  /** ms since epoch of submission. */
  createdAt: number;
  attempts: number;
  /** When the next attempt is due; while `sending`, when the claim lapses (a crash mid-send). */
  nextAttemptAt: number;
  /** Why the last attempt did not deliver (kept while retrying, for "my reports"). */
  lastError: string | null;
  /** The server's refusal, for `failed-permanent`. */
  failureReason: string | null;
  sentAt: number | null;
  receipt: { id: string; endpoint: string; duplicate: boolean } | null;
}

/** What the report form has typed so far, saved as the user types so a closed tab loses nothing. */
export interface ReportDraft {
  /** Chosen by the form, e.g. the page URL. */
  id: string;
  kind: ReportKind;
  category: CategoryId | null;
  text: string;
  disputedCode: string | null;
  attachScreenshot: boolean;
  updatedAt: number;
}

/** Browser services Dexie needs: the page's or service worker's own, or fake-indexeddb in node. */
export interface IndexedDbServices {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The outbox database, separate from the lists database so their schema versions never couple. */
export class OutboxDb extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'key'>;
  drafts!: EntityTable<ReportDraft, 'id'>;

  constructor(name: string, services: IndexedDbServices) {
    super(name, { indexedDB: services.indexedDB, IDBKeyRange: services.IDBKeyRange });
    this.version(1).stores({
      outbox: 'key, status, createdAt, nextAttemptAt',
      drafts: 'id, updatedAt',
    });
  }
}
