import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { CategoryId } from '../../src/reports/categories';
import { ReportValidationError, type Report, type ReportProblem } from '../../src/reports/report';
import type { ReportFormDraft, ReportSummary } from '../protocol/report-messages';
import { send } from '../protocol/send';
import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';
import { DisputeFields } from './dispute-fields';
import { EvidenceView } from './evidence-view';
import { hostOf, reportOf } from './report-draft';
import { ReportDone } from './report-done';
import { ReportPreview } from './report-preview';
import { ScreenshotField } from './screenshot-field';
import { ShopReportFields } from './shop-report-fields';
import { useAutosave } from './use-autosave';
import { localTime } from './report-status';
import type { ReportRecipient } from '../../src/lists/recommended-feeds';

interface Props {
  initial: ReportFormDraft;
  t: T;
  lang: Lang;
  version: string;
  endpoints: string[];
  /** Who receives at each endpoint, when known (shown before sending). */
  recipients?: ReportRecipient[];
}

type Step = { name: 'edit' } | { name: 'preview'; report: Report } | { name: 'done'; summary: ReportSummary | null; report: Report | null; hidden: boolean };

/** Field paths of build errors → the form's own wording. */
function problemText(p: ReportProblem, t: T): string {
  if (p.path === 'category') return t('rpErrCategory');
  if (p.path === 'text') return /limit/.test(p.message) ? t('rpErrTooLong') : t('rpErrTextOther');
  return `${p.path}: ${p.message}`;
}

/**
 * The report page: edit (what is wrong, own words, evidence, optional screenshot) → preview (exactly
 * what is sent, and to whom) → done (queued in the outbox, with the 12315 draft). With no receiver
 * configured there is no preview: the report is saved on this device and the 12315 draft is the next
 * step. A false-positive report ("this warning is wrong") also hides the warning on that site for
 * this user, if they want.
 */
export function ReportApp({ initial, t, lang, version, endpoints, recipients = [] }: Props) {
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<Step>({ name: 'edit' });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { savedAt, error: saveError } = useAutosave(draft, step.name === 'edit');
  const dispute = draft.kind === 'false-positive';
  const host = hostOf(draft.evidence.url);
  const disputed = dispute ? (draft.evidence.findings.find((f) => f.code === draft.disputedCode) ?? null) : null;
  const change = (c: Partial<ReportFormDraft>) => setDraft((d) => ({ ...d, ...c }));

  // No receiver configured: nothing is sent, so there is nothing to preview; the report is saved here.
  const local = endpoints.length === 0;

  /** The report for the draft, or null with the problems shown. */
  const build = (): Report | null => {
    try {
      setProblems([]);
      return reportOf(draft, lang, version, Date.now());
    } catch (e) {
      setProblems(e instanceof ReportValidationError ? e.details.map((p) => problemText(p, t)) : [String(e)]);
      return null;
    }
  };

  const preview = () => {
    const report = build();
    if (!report) return;
    setStep({ name: 'preview', report });
    scrollTo({ top: 0 });
  };

  const submit = () => {
    if (dispute && !draft.sendReport) return void finish(null);
    if (!local) return preview();
    const report = build();
    if (report) void finish(report);
  };
  const submitLabel = dispute && !draft.sendReport ? 'rpHideOnly' : local ? (dispute ? 'rpSaveLocalOnly' : 'rpSaveLocal') : 'rpPreview';

  const finish = async (report: Report | null) => {
    setBusy(true);
    try {
      if (dispute && draft.hideHere && draft.disputedCode) await send('suppressFinding', { url: draft.evidence.url, code: draft.disputedCode, evidence: disputed?.evidence ?? '' });
      const summary = report ? await send('submitReport', { report, draftId: draft.id }) : null;
      if (!report) await send('deleteReportDraft', { id: draft.id });
      setStep({ name: 'done', summary, report, hidden: dispute && draft.hideHere });
      scrollTo({ top: 0 });
    } catch (e) {
      setProblems([t('rpSubmitFailed', String(e))]);
      setStep({ name: 'edit' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="lz-options lz-report" data-step={step.name}>
      <h1>
        <Shield level={dispute ? 'caution' : 'warning'} />
        {t(dispute ? 'rpTitleDispute' : 'rpTitle')}
      </h1>
      <p class="lz-lead">{t(dispute ? 'rpLeadDispute' : local ? 'rpLeadLocal' : 'rpLead', host)}</p>
      {step.name === 'edit' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {dispute ? (
            <DisputeFields t={t} host={host} finding={disputed} code={draft.disputedCode ?? ''} hideHere={draft.hideHere} sendReport={draft.sendReport} text={draft.text} onChange={change} />
          ) : (
            <ShopReportFields t={t} lang={lang} category={draft.category} text={draft.text} onCategory={(c: CategoryId) => change({ category: c })} onText={(text) => change({ text })} />
          )}
          {(!dispute || draft.sendReport) && (
            <>
              <EvidenceView evidence={draft.evidence} t={t} />
              <ScreenshotField t={t} tabId={draft.tabId} attached={draft.attachScreenshot} screenshot={draft.screenshot} onChange={(attachScreenshot, screenshot) => change({ attachScreenshot, screenshot })} />
            </>
          )}
          {problems.length > 0 && (
            <ul class="lz-problems" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div class="lz-row lz-buttons">
            <button type="submit" class="lz-primary" disabled={busy || (dispute && !draft.sendReport && !draft.hideHere)}>
              {t(submitLabel)}
            </button>
            <a class="lz-btn" href="my-reports.html">
              {t('rpMyReports')}
            </a>
            <span class={saveError ? 'lz-error' : 'lz-saved'} role="status" aria-live="polite">
              {saveError ? t('rpDraftSaveFailed', saveError) : savedAt ? t('rpDraftSaved', localTime(savedAt, true)) : ''}
            </span>
          </div>
        </form>
      )}
      {step.name === 'preview' && <ReportPreview report={step.report} endpoints={endpoints} recipients={recipients} t={t} busy={busy} onBack={() => setStep({ name: 'edit' })} onSend={() => void finish(step.report)} />}
      {step.name === 'done' && <ReportDone summary={step.summary} report={step.report} hidden={step.hidden ? { host, code: draft.disputedCode ?? '' } : null} endpoints={endpoints} t={t} lang={lang} />}
    </main>
  );
}
