import browser from 'webextension-polyfill';
import { exportPersonalLists } from '../../src/personal-lists/personal-lists-file';
import type { Caller } from '../protocol/authorize';
import type { ReportFormDraft, ReportsProtocol } from '../protocol/report-messages';
import type { ReportEndpoints } from './report-endpoints';
import { summarize, type ReportsService } from './reports-service';
import { captureTab } from './tab-capture';
import type { UserRulesStore } from './user-rules-store';

type ReportHandlers = { [K in keyof ReportsProtocol]: (payload: ReportsProtocol[K]['payload'], caller: Caller) => Promise<ReportsProtocol[K]['response']> };

/** The extension page that writes a report. */
export const REPORT_PAGE = 'extension/report/report.html';

/** Handlers of the report messages; the router has checked sender and payload already. */
export function reportHandlers(reports: ReportsService, endpoints: ReportEndpoints, rules: UserRulesStore): ReportHandlers {
  return {
    async openReportPage({ tabId, dispute, title }, caller) {
      // A content script reports for its own tab only; a page (the popup) names the tab.
      const shopTab = caller.privileged ? tabId : caller.tabId;
      if (shopTab === null) return { opened: false };
      const query = new URLSearchParams({ tabId: String(shopTab) });
      if (dispute) query.set('dispute', dispute);
      const shop = await browser.tabs.get(shopTab).catch(() => null);
      // The popup has the activeTab grant, so the tab's title is readable; the panel sends it itself.
      const pageTitle = title ?? shop?.title ?? null;
      if (pageTitle) query.set('title', pageTitle.slice(0, 300));
      await browser.tabs.create({ url: browser.runtime.getURL(`${REPORT_PAGE}?${query}`), index: shop ? shop.index + 1 : undefined, windowId: shop?.windowId, openerTabId: shop ? shopTab : undefined });
      return { opened: true };
    },
    async captureTab({ tabId }, caller) {
      return captureTab(tabId, caller.tabId);
    },
    async saveReportDraft({ draft }) {
      await reports.outbox.saveDraft(draft);
      return { saved: true };
    },
    async loadReportDraft({ id }) {
      const d = await reports.outbox.loadDraft(id);
      return d && 'evidence' in d ? (d as ReportFormDraft) : null;
    },
    async deleteReportDraft({ id }) {
      await reports.outbox.deleteDraft(id);
      return { deleted: true };
    },
    async submitReport({ report, draftId }) {
      // With no receiver configured the report has nowhere to go: it is kept on this device, and
      // never sent later unless the user asks (my reports), since the form said it stays here.
      const keep = (await endpoints.get()).length === 0;
      const entry = await reports.outbox.submit(report, { now: Date.now(), draftId: draftId ?? undefined, keep });
      void reports.flush();
      return summarize(entry);
    },
    async listReports() {
      const [list, configured, nextFlushAt] = await Promise.all([reports.list(), endpoints.get(), reports.nextFlushAt()]);
      return { ...list, endpoints: configured, nextFlushAt };
    },
    async getReport({ key }) {
      return (await reports.outbox.get(key))?.report ?? null;
    },
    async retryReport({ key }) {
      return reports.retry(key);
    },
    async discardReport({ key }) {
      await reports.outbox.discard(key);
      return { discarded: true };
    },
    async getReportEndpoints() {
      const recipients = await endpoints.recipients();
      return { endpoints: recipients.map((r) => r.url), recipients };
    },
    async saveReportEndpoints({ endpoints: list }) {
      const saved = await endpoints.save(list);
      void reports.flush();
      return { endpoints: saved };
    },
    async suppressFinding({ url, code, evidence }) {
      return { suppressions: await rules.suppress(url, code, evidence) };
    },
    async unsuppressFinding({ host, code }) {
      return { suppressions: await rules.unsuppress(host, code) };
    },
    async listSuppressions() {
      return { suppressions: await rules.suppressions() };
    },
    async getPersonalLists() {
      return { entries: await rules.personal() };
    },
    async savePersonalEntry({ entry }) {
      return { entries: await rules.addPersonal(entry) };
    },
    async removePersonalEntry({ target }) {
      return { entries: await rules.removePersonal(target) };
    },
    async importPersonalLists({ text }) {
      return rules.importPersonal(text);
    },
    async exportPersonalLists() {
      return { text: exportPersonalLists(await rules.personal(), Date.now()) };
    },
  };
}
