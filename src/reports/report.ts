import type { Lang } from '../i18n/lang';
import type { IdentifierKind, Severity } from '../types';
import type { CategoryId } from './categories';

/** Version of the report JSON; the receiver refuses other versions with a clear error. */
export const REPORT_SCHEMA_VERSION = 1;

/** What a report is about: a suspect shop, or a warning of ours that the user says is wrong. */
export type ReportKind = 'suspect-shop' | 'false-positive';
export const REPORT_KINDS: readonly ReportKind[] = ['suspect-shop', 'false-positive'];

/**
 * Size limits. The receiver refuses bodies over 2 MB, so the screenshot cap leaves room for the rest.
 * The user's own text is never cut: a text over the limit is refused with a message instead.
 */
export const REPORT_LIMITS = {
  text: 4000,
  url: 2048,
  title: 300,
  shopName: 200,
  identifiers: 50,
  findings: 50,
  value: 100,
  evidence: 500,
  message: 500,
  params: 20,
  /** Characters of the PNG data URL (ASCII, so also bytes). */
  screenshot: 1_500_000,
} as const;

/** An identifier as it travels in a report: the scan's Identifier without page-internal fields. */
export interface ReportIdentifier {
  kind: IdentifierKind;
  value: string;
  valid: boolean;
  problems: string[];
  label: string | null;
  evidence: string;
}

/** A finding as it travels in a report. */
export interface ReportFinding {
  code: string;
  severity: Severity;
  message: string;
  evidence: string;
  params: Record<string, string>;
}

/** What the page showed when the user reported it. */
export interface ReportEvidence {
  /** http(s) URL of the page, without its #fragment. */
  url: string;
  title: string;
  /** The business name from the page's license block, when the scan read one. */
  shopName: string | null;
  identifiers: ReportIdentifier[];
  findings: ReportFinding[];
  /** ISO time the evidence was taken. */
  capturedAt: string;
}

/**
 * One report, exactly as sent to the receiver (see docs/report-format.md). Plain JSON; nothing else
 * about the user or the page is sent.
 */
export interface Report {
  schema: typeof REPORT_SCHEMA_VERSION;
  kind: ReportKind;
  /** UUID made once when the user submits; every retry sends the same one, so it is counted once. */
  idempotencyKey: string;
  /** ISO time of submission. */
  createdAt: string;
  lang: Lang;
  /** Required for suspect-shop reports, null for false-positive ones. */
  category: CategoryId | null;
  /** What the user wrote, unchanged except for control characters. */
  text: string;
  evidence: ReportEvidence;
  /** For false-positive reports: the finding the user disputes. */
  falsePositive: { code: string; evidence: string } | null;
  /** PNG data URL, only when the user chose to attach a screenshot. */
  screenshot: string | null;
  client: { name: string; version: string };
}

/** One problem with a report: where (a JSON path like `evidence.url`) and what. */
export interface ReportProblem {
  path: string;
  message: string;
}

/** Thrown when a report cannot be built or queued; `details` lists every problem. */
export class ReportValidationError extends Error {
  constructor(readonly details: ReportProblem[]) {
    super(`invalid report: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
    this.name = 'ReportValidationError';
  }
}
