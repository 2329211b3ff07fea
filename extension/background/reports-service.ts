import browser from 'webextension-polyfill';
import { Outbox } from '../../src/reports/outbox';
import type { OutboxEntry } from '../../src/reports/outbox-db';
import type { ReportFormDraft, ReportSummary } from '../protocol/report-messages';
import type { ReportEndpoints } from './report-endpoints';
import { CoalescedRun } from './coalesced-run';

/** The alarm that wakes the worker when the next queued report is due. */
export const FLUSH_ALARM = 'report-outbox-flush';

/** A row of "my reports": everything but the screenshot, which can be 1.5 MB. */
export function summarize(e: OutboxEntry): ReportSummary {
  const r = e.report;
  return {
    key: e.key,
    status: e.status,
    kind: r.kind,
    category: r.category,
    disputedCode: r.falsePositive?.code ?? null,
    text: r.text,
    url: r.evidence.url,
    title: r.evidence.title,
    hasScreenshot: r.screenshot !== null,
    createdAt: e.createdAt,
    attempts: e.attempts,
    nextAttemptAt: e.nextAttemptAt,
    lastError: e.lastError,
    failureReason: e.failureReason,
    sentAt: e.sentAt,
    receipt: e.receipt,
  };
}

/**
 * The report outbox in the service worker: every submitted report is in IndexedDB before
 * `submitReport` answers, and is sent from there: right after submit, whenever the worker starts,
 * and from an alarm set for the next due retry (the outbox's backoff). Nothing is kept only in memory.
 */
export class ReportsService {
  readonly outbox = new Outbox({ indexedDB, IDBKeyRange });
  readonly ready: Promise<void> = Promise.resolve();
  private readonly flushes = new CoalescedRun(() => this.flushOnce());

  constructor(private readonly endpoints: ReportEndpoints) {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === FLUSH_ALARM) void this.flush();
    });
    browser.runtime.onStartup.addListener(() => void this.flush());
    // Each time the worker starts: send what is due (cheap when nothing is), re-arm the alarm.
    void this.flush();
  }

  /** Sends what is due; concurrent calls are merged into one more pass, never run side by side. */
  flush(): Promise<void> {
    return this.flushes.run();
  }

  private async flushOnce(): Promise<void> {
    try {
      const endpoints = await this.endpoints.get();
      // No endpoint: reports stay queued (and say so in "my reports") until the user adds one.
      if (endpoints.length) await this.outbox.flush((input, init) => fetch(input, init), endpoints, Date.now);
    } catch (error) {
      console.warn('[liangzhao] report flush failed', error);
    }
    await this.schedule();
  }

  /** Arms the alarm for the next due report (the browser may round it up to its minimum). */
  private async schedule(): Promise<void> {
    const due = await this.outbox.nextDue().catch(() => null);
    if (due === null || !(await this.endpoints.get()).length) {
      await browser.alarms.clear(FLUSH_ALARM);
      return;
    }
    await browser.alarms.create(FLUSH_ALARM, { when: Math.max(due, Date.now() + 1000) });
  }

  async nextFlushAt(): Promise<number | null> {
    return (await browser.alarms.get(FLUSH_ALARM))?.scheduledTime ?? null;
  }

  async list(): Promise<{ reports: ReportSummary[]; drafts: ReportFormDraft[] }> {
    const [entries, drafts] = await Promise.all([this.outbox.list(), this.outbox.db.drafts.orderBy('updatedAt').reverse().toArray()]);
    return { reports: entries.map(summarize), drafts: drafts.filter((d): d is ReportFormDraft => 'evidence' in d) };
  }

  async retry(key: string): Promise<ReportSummary | null> {
    await this.outbox.retryNow(key, Date.now());
    // Not awaited: a send can take up to the request timeout; "my reports" follows the status.
    void this.flush();
    const row = await this.outbox.get(key);
    return row ? summarize(row) : null;
  }
}
