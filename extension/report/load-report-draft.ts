import type { ReportFormDraft } from '../protocol/report-messages';
import { send } from '../protocol/send';
import { evidenceOf, freshDraft, draftId } from './report-draft';

/**
 * The draft the report page opens with: `?draft=ID` (a page restored after a restart, or "continue"
 * from my reports), else the saved draft for this shop, else a new one from the tab's verdict.
 * Null when there is nothing to report (the tab's page is gone and no draft was kept).
 */
export async function loadReportDraft(query: URLSearchParams): Promise<ReportFormDraft | null> {
  const saved = query.get('draft');
  if (saved) {
    const d = await send('loadReportDraft', { id: saved });
    if (d) return d;
  }
  const tabId = query.has('tabId') ? Number(query.get('tabId')) : NaN;
  if (!Number.isInteger(tabId) || tabId < 0) return null;
  const verdict = await send('getTabVerdict', { tabId });
  if (!verdict?.result) return null;
  const dispute = query.get('dispute');
  const now = Date.now();
  const evidence = evidenceOf(verdict, query.get('title'), now);
  const kind = dispute ? 'false-positive' : 'suspect-shop';
  const existing = await send('loadReportDraft', { id: draftId(kind, dispute, evidence.url) });
  // A kept draft keeps what the user wrote; the evidence is refreshed from the page as it is now.
  if (existing) return { ...existing, tabId, evidence };
  return freshDraft(evidence, tabId, dispute, now);
}
