import type { Lang } from '../../src/i18n/lang';
import { categoryForFindings, type CategoryId } from '../../src/reports/categories';
import type { ReportEvidence } from '../../src/reports/report';
import { buildReport } from '../../src/reports/build-report';
import type { Finding, Identifier } from '../../src/types';
import type { TabVerdict } from '../protocol/messages';
import { splitStatus } from '../ui/data-status';
import type { ReportFormDraft } from '../protocol/report-messages';

/**
 * Findings never put in a report: the user's own list entries (their notes are private; the report
 * is about what the page shows, not about the user). Notes on our own lists' state ("lists not
 * loaded") are left out too: they say nothing about the shop.
 */
const PRIVATE_CODES = new Set(['personal-warn']);

/** The evidence a report carries, from the tab's stored verdict. */
export function evidenceOf(verdict: TabVerdict, title: string | null, now: number): ReportEvidence {
  const r = verdict.result!;
  const findings = splitStatus(r.verdict.findings).shop.filter((f) => !PRIVATE_CODES.has(f.code));
  return {
    url: verdict.url.replace(/#.*$/, ''),
    title: (title ?? '').trim() || hostOf(verdict.url),
    shopName: r.licenses.find((l) => l.name)?.name ?? null,
    identifiers: r.identifiers.map((i) => ({ kind: i.kind, value: i.value, valid: i.valid, problems: i.problems, label: i.label, evidence: i.evidence })),
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, evidence: f.evidence, params: f.params })),
    capturedAt: new Date(now).toISOString(),
  };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** One draft per shop page and kind (and disputed rule), so coming back to it finds what was typed. */
export function draftId(kind: ReportFormDraft['kind'], disputed: string | null, url: string): string {
  return kind === 'false-positive' ? `fp:${disputed}:${url}` : `shop:${url}`;
}

export function freshDraft(evidence: ReportEvidence, tabId: number | null, disputed: string | null, now: number): ReportFormDraft {
  const kind = disputed ? 'false-positive' : 'suspect-shop';
  return {
    id: draftId(kind, disputed, evidence.url),
    kind,
    // What the top finding points to (a forged badge → 伪造亮照或备案标识 …); the user may change it.
    category: kind === 'suspect-shop' ? categoryForFindings(evidence.findings) : null,
    text: '',
    disputedCode: disputed,
    attachScreenshot: false,
    updatedAt: now,
    tabId,
    evidence,
    screenshot: null,
    hideHere: true,
    sendReport: true,
  };
}

/**
 * The report for a draft, with a fresh idempotency key (made once, when the user asks for the
 * preview; the same report object is then submitted). Throws ReportValidationError listing problems.
 */
export function reportOf(draft: ReportFormDraft, lang: Lang, version: string, now: number) {
  const e = draft.evidence;
  return buildReport({
    kind: draft.kind,
    category: draft.kind === 'suspect-shop' ? (draft.category as CategoryId | null) : null,
    text: draft.text,
    lang,
    page: { url: e.url, title: e.title, shopName: e.shopName },
    // buildReport takes the scan's types; the page-only fields (source, count) are not sent.
    identifiers: e.identifiers.map((i) => ({ ...i, source: 'text', count: 1 }) satisfies Identifier),
    findings: e.findings.map((f) => ({ ...f }) satisfies Finding),
    disputedCode: draft.disputedCode ?? undefined,
    screenshot: draft.attachScreenshot ? draft.screenshot : null,
    now,
    clientVersion: version,
  });
}
