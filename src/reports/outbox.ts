import { retryDelay } from './backoff';
import { OutboxDb, type IndexedDbServices, type OutboxEntry, type ReportDraft } from './outbox-db';
import { ReportValidationError, type Report } from './report';
import { checkEndpoint, sendReport, type FetchLike } from './send-report';
import { validateReport } from './validate-report';

/** How long a claimed report stays `sending` before another flush may take it over (longer than a request). */
export const SENDING_LEASE_MS = 2 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** What one flush did. */
export interface FlushSummary {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * The report outbox: a report is written to IndexedDB the moment it is submitted and stays there,
 * through restarts and offline time, until a receiver confirms it. Every attempt sends the same
 * idempotency key, so a response lost on the way back only causes a retry the receiver recognizes.
 */
export class Outbox {
  readonly db: OutboxDb;

  constructor(services: IndexedDbServices, name = 'liangzhao-outbox') {
    this.db = new OutboxDb(name, services);
  }

  /**
   * Saves a submitted report (and, in the same transaction, deletes its draft). Throws
   * ReportValidationError for an invalid report, before anything is changed. Submitting the same
   * report twice keeps one entry. `keep`: there is nowhere to send it; it stays on this device
   * (status `kept`) and no flush ever sends it.
   */
  async submit(report: Report, options: { now: number; draftId?: string; keep?: boolean }): Promise<OutboxEntry> {
    const checked = validateReport(report);
    if (!checked.ok) throw new ReportValidationError(checked.errors);
    return this.db.transaction('rw', this.db.outbox, this.db.drafts, async () => {
      const existing = await this.db.outbox.get(report.idempotencyKey);
      if (options.draftId !== undefined) await this.db.drafts.delete(options.draftId);
      if (existing) return existing;
      const entry: OutboxEntry = {
        key: report.idempotencyKey,
        report,
        status: options.keep ? 'kept' : 'queued',
        createdAt: options.now,
        attempts: 0,
        nextAttemptAt: options.now,
        lastError: null,
        failureReason: null,
        sentAt: null,
        receipt: null,
      };
      await this.db.outbox.add(entry);
      return entry;
    });
  }

  /** "My reports": every report with its status, newest first. */
  async list(): Promise<OutboxEntry[]> {
    return (await this.db.outbox.orderBy('createdAt').reverse().toArray());
  }

  get(key: string): Promise<OutboxEntry | undefined> {
    return this.db.outbox.get(key);
  }

  /** Sends every due report now: POST JSON to the endpoints in order until one answers for good. */
  async flush(fetch: FetchLike, endpoints: readonly string[], now: () => number, options: { random?: () => number } = {}): Promise<FlushSummary> {
    if (endpoints.length === 0) throw new TypeError('no report endpoint configured');
    for (const e of endpoints) checkEndpoint(e);
    const random = options.random ?? Math.random;
    const summary: FlushSummary = { sent: 0, retrying: 0, failed: 0 };
    // Only undelivered rows are read: sent ones (with their screenshots) stay on disk.
    const start = now();
    const due = await this.db.outbox.where('status').anyOf('queued', 'sending').filter((e) => e.nextAttemptAt <= start).toArray();
    due.sort((a, b) => a.createdAt - b.createdAt);
    for (const candidate of due) {
      const claimed = await this.claim(candidate.key, now());
      if (!claimed) continue;
      let outcome: Awaited<ReturnType<typeof sendReport>> = { type: 'retry', reason: 'not sent', retryAfterMs: null };
      let endpoint = endpoints[0]!;
      for (endpoint of endpoints) {
        outcome = await sendReport(fetch, endpoint, claimed.report, now(), REQUEST_TIMEOUT_MS);
        if (outcome.type !== 'retry') break;
      }
      const finish = now();
      const change: Partial<OutboxEntry> =
        outcome.type === 'delivered'
          ? { status: 'sent', sentAt: finish, lastError: null, receipt: { id: outcome.receiptId, endpoint, duplicate: outcome.duplicate } }
          : outcome.type === 'permanent'
            ? { status: 'failed-permanent', failureReason: outcome.reason, lastError: outcome.reason }
            : { status: 'queued', lastError: outcome.reason, nextAttemptAt: finish + retryDelay(claimed.attempts, random, outcome.retryAfterMs) };
      await this.db.transaction('rw', this.db.outbox, async () => {
        // Only the flush holding the claim may finish it; a discarded report stays discarded.
        const row = await this.db.outbox.get(claimed.key);
        if (row?.status === 'sending' && row.attempts === claimed.attempts) await this.db.outbox.update(claimed.key, change);
      });
      summary[outcome.type === 'delivered' ? 'sent' : outcome.type === 'permanent' ? 'failed' : 'retrying']++;
    }
    return summary;
  }

  /** Marks a due report `sending` (one transaction, so two flushes never send it at once). */
  private claim(key: string, now: number): Promise<OutboxEntry | null> {
    return this.db.transaction('rw', this.db.outbox, async () => {
      const row = await this.db.outbox.get(key);
      if (!row || !(row.status === 'queued' || row.status === 'sending') || row.nextAttemptAt > now) return null;
      const claimed = { ...row, status: 'sending' as const, attempts: row.attempts + 1, nextAttemptAt: now + SENDING_LEASE_MS };
      await this.db.outbox.put(claimed);
      return claimed;
    });
  }

  /** The earliest time a queued report is due, for scheduling the next flush (an alarm); null when none. */
  async nextDue(): Promise<number | null> {
    const rows = await this.db.outbox.where('status').anyOf('queued', 'sending').toArray();
    return rows.length ? Math.min(...rows.map((r) => r.nextAttemptAt)) : null;
  }

  /**
   * "Send now" from the user: a queued or refused report, or one kept on this device once a receiver
   * is configured, becomes due at once, keeping its key.
   */
  async retryNow(key: string, now: number): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const row = await this.db.outbox.get(key);
      if (row && (row.status === 'queued' || row.status === 'failed-permanent' || row.status === 'kept')) {
        await this.db.outbox.update(key, { status: 'queued', nextAttemptAt: now, failureReason: null });
      }
    });
  }

  /** Deletes a report the user no longer wants sent (or a sent one from the list). */
  async discard(key: string): Promise<void> {
    await this.db.outbox.delete(key);
  }

  /**
   * "Clear my data": forgets drafts and the reports that are done (sent, or refused for good).
   * Reports still waiting to be sent, or kept on this device, stay: the user wrote them, and only
   * discarding one by one in "my reports" drops them. Returns how many are kept.
   */
  async forgetFinished(): Promise<{ kept: number }> {
    return this.db.transaction('rw', this.db.outbox, this.db.drafts, async () => {
      await this.db.drafts.clear();
      await this.db.outbox.where('status').anyOf('sent', 'failed-permanent').delete();
      return { kept: await this.db.outbox.count() };
    });
  }

  /** Counts for "what data the extension keeps": waiting to be sent, kept on this device only, done, drafts. */
  async counts(): Promise<{ waiting: number; kept: number; done: number; drafts: number }> {
    const [waiting, kept, all, drafts] = await Promise.all([
      this.db.outbox.where('status').anyOf('queued', 'sending').count(),
      this.db.outbox.where('status').equals('kept').count(),
      this.db.outbox.count(),
      this.db.drafts.count(),
    ]);
    return { waiting, kept, done: all - waiting - kept, drafts };
  }

  /** Saves the form as the user types. */
  async saveDraft(draft: ReportDraft): Promise<void> {
    await this.db.drafts.put(draft);
  }

  loadDraft(id: string): Promise<ReportDraft | undefined> {
    return this.db.drafts.get(id);
  }

  async deleteDraft(id: string): Promise<void> {
    await this.db.drafts.delete(id);
  }

  close(): void {
    this.db.close();
  }
}
