import type { Lang } from '../i18n/lang';
import type { Finding, Identifier } from '../types';
import type { CategoryId } from './categories';
import { REPORT_LIMITS, REPORT_SCHEMA_VERSION, ReportValidationError, type Report, type ReportKind } from './report';
import { validateReport } from './validate-report';

/** What the report form collects; the page fields come from the tab and the last scan. */
export interface BuildReportInput {
  kind?: ReportKind;
  /** Required for a suspect-shop report. */
  category?: CategoryId | null;
  /** What the user wrote. Never cut: too long is an error the form shows. */
  text: string;
  lang: Lang;
  page: { url: string; title: string; shopName?: string | null };
  identifiers?: readonly Identifier[];
  findings?: readonly Finding[];
  /** For a false-positive report: the code of the finding the user says is wrong. */
  disputedCode?: string;
  /** A PNG data URL, only when the user ticked "attach a screenshot". */
  screenshot?: string | null;
  /** Clock and UUID source, injected so tests and the service worker control them. */
  now: number;
  uuid?: () => string;
  clientVersion?: string;
}

/** Control characters except tab and newline: they have no place in a report and can hide text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Page-derived text may be shortened (the page is not the user's words); marked with an ellipsis. */
function clip(text: string, max: number): string {
  const t = clean(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function pageUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * Builds a report from the form and the scan, with a fresh idempotency key. Throws
 * ReportValidationError listing every problem (e.g. text too long, no category, a screenshot that is
 * not a PNG), so the form can show them and keep what the user wrote.
 */
export function buildReport(input: BuildReportInput): Report {
  const kind = input.kind ?? 'suspect-shop';
  const findings = (input.findings ?? []).slice(0, REPORT_LIMITS.findings).map((f) => ({
    code: f.code,
    severity: f.severity,
    message: clip(f.message, REPORT_LIMITS.message),
    evidence: clip(f.evidence, REPORT_LIMITS.evidence),
    params: Object.fromEntries(Object.entries(f.params).slice(0, REPORT_LIMITS.params).map(([k, v]) => [k, clip(v, REPORT_LIMITS.evidence)])),
  }));
  const disputed = kind === 'false-positive' ? findings.find((f) => f.code === input.disputedCode) : undefined;
  const createdAt = new Date(input.now).toISOString();
  const report: Report = {
    schema: REPORT_SCHEMA_VERSION,
    kind,
    idempotencyKey: (input.uuid ?? (() => crypto.randomUUID()))(),
    createdAt,
    lang: input.lang,
    category: kind === 'suspect-shop' ? (input.category ?? null) : null,
    text: clean(input.text),
    evidence: {
      url: pageUrl(input.page.url),
      title: clip(input.page.title, REPORT_LIMITS.title),
      shopName: input.page.shopName ? clip(input.page.shopName, REPORT_LIMITS.shopName) : null,
      identifiers: (input.identifiers ?? []).slice(0, REPORT_LIMITS.identifiers).map((i) => ({
        kind: i.kind,
        value: i.value.slice(0, REPORT_LIMITS.value),
        valid: i.valid,
        problems: i.problems.slice(0, 20),
        label: i.label === null ? null : clip(i.label, 100),
        evidence: clip(i.evidence, REPORT_LIMITS.evidence),
      })),
      findings,
      capturedAt: createdAt,
    },
    falsePositive: kind === 'false-positive' ? { code: input.disputedCode ?? '', evidence: disputed?.evidence ?? '' } : null,
    screenshot: input.screenshot ?? null,
    client: { name: 'liangzhao-guard', version: input.clientVersion ?? '0.0.0' },
  };
  const checked = validateReport(report);
  if (!checked.ok) throw new ReportValidationError(checked.errors);
  return report;
}
