/**
 * Messages of the report feature (report page, "my reports", personal lists, "this warning is wrong"),
 * merged into the one protocol map (messages.ts) and validated by REPORT_PAYLOADS.
 */
import type { ImportProblem } from '../../src/personal-lists/personal-lists-file';
import type { PersonalEntry } from '../../src/personal-lists/personal-entry';
import type { CategoryId } from '../../src/reports/categories';
import type { OutboxEntry, OutboxStatus } from '../../src/reports/outbox-db';
import type { Report, ReportEvidence, ReportKind } from '../../src/reports/report';
import type { FindingSuppression } from '../../src/user-rules/suppression';
import type { ReportRecipient } from '../../src/lists/recommended-feeds';

/** What the report form keeps as the user types (one per shop and kind), with the evidence it showed. */
export interface ReportFormDraft {
  id: string;
  kind: ReportKind;
  category: CategoryId | null;
  text: string;
  disputedCode: string | null;
  attachScreenshot: boolean;
  updatedAt: number;
  /** The tab the report was started from (may be gone after a restart; the evidence stays). */
  tabId: number | null;
  evidence: ReportEvidence;
  /** The screenshot the user chose to attach (PNG data URL), kept so a crash does not lose it. */
  screenshot: string | null;
  /** "Hide this warning on this site from now on" (false-positive form). */
  hideHere: boolean;
  /** "Also tell the list keepers" (false-positive form); false = only hide it for me. */
  sendReport: boolean;
}

/** One row of "my reports", without the screenshot (fetched with getReport when needed). */
export interface ReportSummary {
  key: string;
  status: OutboxStatus;
  kind: ReportKind;
  category: CategoryId | null;
  disputedCode: string | null;
  text: string;
  url: string;
  title: string;
  hasScreenshot: boolean;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  failureReason: string | null;
  sentAt: number | null;
  receipt: OutboxEntry['receipt'];
}

/** Why a screenshot could not be taken; the form says so next to the checkbox. */
export type CaptureResult = { ok: true; dataUrl: string } | { ok: false; reason: 'permission' | 'tab-gone' | 'failed'; message: string };

export interface ReportsProtocol {
  // Content scripts may send this one (the panel's "Report this shop" / "This warning is wrong").
  openReportPage: { payload: { tabId: number | null; dispute: string | null; title: string | null }; response: { opened: boolean } };
  // Extension pages only.
  captureTab: { payload: { tabId: number }; response: CaptureResult };
  saveReportDraft: { payload: { draft: ReportFormDraft }; response: { saved: boolean } };
  loadReportDraft: { payload: { id: string }; response: ReportFormDraft | null };
  deleteReportDraft: { payload: { id: string }; response: { deleted: boolean } };
  submitReport: { payload: { report: Report; draftId: string | null }; response: ReportSummary };
  listReports: { payload: Record<string, never>; response: { reports: ReportSummary[]; drafts: ReportFormDraft[]; endpoints: string[]; nextFlushAt: number | null } };
  getReport: { payload: { key: string }; response: Report | null };
  retryReport: { payload: { key: string }; response: ReportSummary | null };
  discardReport: { payload: { key: string }; response: { discarded: boolean } };
  /** `recipients`: each endpoint with the organisation that receives there, when the distributor named it. */
  getReportEndpoints: { payload: Record<string, never>; response: { endpoints: string[]; recipients: ReportRecipient[] } };
  saveReportEndpoints: { payload: { endpoints: string[] }; response: { endpoints: string[] } };
  suppressFinding: { payload: { url: string; code: string; evidence: string }; response: { suppressions: FindingSuppression[] } };
  unsuppressFinding: { payload: { host: string; code: string }; response: { suppressions: FindingSuppression[] } };
  listSuppressions: { payload: Record<string, never>; response: { suppressions: FindingSuppression[] } };
  getPersonalLists: { payload: Record<string, never>; response: { entries: PersonalEntry[] } };
  savePersonalEntry: { payload: { entry: unknown }; response: { entries: PersonalEntry[] } };
  removePersonalEntry: { payload: { target: PersonalEntry['target'] }; response: { entries: PersonalEntry[] } };
  importPersonalLists: { payload: { text: string }; response: { entries: PersonalEntry[]; added: number; rejected: ImportProblem[]; fileOk: boolean } };
  exportPersonalLists: { payload: Record<string, never>; response: { text: string } };
}
