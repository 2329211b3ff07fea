/** Payload validators of the report messages (see report-messages.ts), merged into PAYLOADS. */
import { isCategoryId } from '../../src/reports/categories';
import { REPORT_KINDS, REPORT_LIMITS, type Report } from '../../src/reports/report';
import { screenshotProblem } from '../../src/reports/screenshot';
import { validateReport } from '../../src/reports/validate-report';
import { FINDING_CODE } from '../../src/user-rules/suppression';
import type { ReportFormDraft, ReportsProtocol } from './report-messages';
import { arr, bool, int, nullable, obj, oneOf, str, ValidationError, type Validator } from './validate';

const empty = obj({});
const key = str(100);
const code: Validator<string> = (v, p) => {
  const s = str(80)(v, p);
  if (!FINDING_CODE.test(s)) throw new ValidationError(`${p}: not a finding code`);
  return s;
};

/** A whole report, checked by the same validator the receiver uses (every problem listed). */
const report: Validator<Report> = (v, p) => {
  const checked = validateReport(v);
  if (!checked.ok) throw new ValidationError(`${p}: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return checked.report;
};

/** A draft may be incomplete (that is what drafts are), but its shape and sizes are checked. */
const draft: Validator<ReportFormDraft> = (v, p) => {
  const d = obj({
    id: str(2600),
    kind: oneOf(REPORT_KINDS),
    category: nullable(str(40)),
    text: str(REPORT_LIMITS.text * 2),
    disputedCode: nullable(code),
    attachScreenshot: bool,
    updatedAt: int(0),
    tabId: nullable(int(0)),
    evidence: (x, q) => {
      // The evidence is what the report will carry: the report validator checks it on submit.
      const e = obj({ url: str(REPORT_LIMITS.url), title: str(1000), shopName: nullable(str(1000)), identifiers: arr((y) => y, 500), findings: arr((y) => y, 500), capturedAt: str(40) })(x, q);
      return e as ReportFormDraft['evidence'];
    },
    screenshot: nullable(str(REPORT_LIMITS.screenshot)),
    hideHere: bool,
    sendReport: bool,
  })(v, p);
  if (d.category !== null && !isCategoryId(d.category)) throw new ValidationError(`${p}.category: unknown category`);
  if (d.screenshot !== null && screenshotProblem(d.screenshot)) throw new ValidationError(`${p}.screenshot: ${screenshotProblem(d.screenshot)}`);
  return d as ReportFormDraft;
};

const target: Validator<ReportsProtocol['removePersonalEntry']['payload']['target']> = (v, p) => {
  const t = obj({ type: oneOf(['domain', 'identifier'] as const), pattern: (x) => x, kind: (x) => x, value: (x) => x })(v, p);
  if (t.type === 'domain') return { type: 'domain', pattern: str(300)(t.pattern, `${p}.pattern`) };
  return { type: 'identifier', kind: str(40)(t.kind, `${p}.kind`) as never, value: str(100)(t.value, `${p}.value`) };
};

/** Validators keyed by message type. */
export const REPORT_PAYLOADS: { [K in keyof ReportsProtocol]: Validator<ReportsProtocol[K]['payload']> } = {
  openReportPage: obj({ tabId: nullable(int(0)), dispute: nullable(code), title: nullable(str(1000)) }),
  captureTab: obj({ tabId: int(0) }),
  saveReportDraft: obj({ draft }),
  loadReportDraft: obj({ id: str(2600) }),
  deleteReportDraft: obj({ id: str(2600) }),
  submitReport: obj({ report, draftId: nullable(str(2600)) }),
  listReports: empty,
  getReport: obj({ key }),
  retryReport: obj({ key }),
  discardReport: obj({ key }),
  getReportEndpoints: empty,
  saveReportEndpoints: obj({ endpoints: arr(str(2048), 20) }),
  suppressFinding: obj({ url: str(REPORT_LIMITS.url), code, evidence: str(4000) }),
  unsuppressFinding: obj({ host: str(300), code }),
  listSuppressions: empty,
  getPersonalLists: empty,
  // The entry is checked by parseEntry in the store, which lists every problem for the form.
  savePersonalEntry: (v, p) => {
    obj({})(v, p);
    return { entry: (v as { entry?: unknown }).entry };
  },
  removePersonalEntry: obj({ target }),
  importPersonalLists: obj({ text: str(5_000_000) }),
  exportPersonalLists: empty,
};
