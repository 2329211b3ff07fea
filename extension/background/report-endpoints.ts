import browser from 'webextension-polyfill';
import { checkEndpoint } from '../../src/reports/send-report';
import type { ReportRecipient } from '../../src/lists/recommended-feeds';
import { recommendedConfig } from './recommended-config';

const KEY = 'reportEndpoints';

/**
 * Where reports are sent, in order (the first that answers for good wins). Until the user sets their
 * own, the distributor's default (public/recommended-feeds.json), if any; with none, reports stay
 * queued in the outbox, shown as "no endpoint configured", and are never dropped.
 */
export class ReportEndpoints {
  readonly ready: Promise<void> = Promise.resolve();

  async get(): Promise<string[]> {
    const raw = (await browser.storage.local.get(KEY))[KEY];
    if (raw === undefined) {
      const fallback = (await recommendedConfig()).reportEndpoint;
      return fallback ? [fallback.url] : [];
    }
    if (!Array.isArray(raw)) return [];
    return raw.filter((e): e is string => {
      try {
        return typeof e === 'string' && !!checkEndpoint(e);
      } catch {
        return false;
      }
    });
  }

  /** The endpoints with the organisation behind each, as the report form names it before sending. */
  async recipients(): Promise<ReportRecipient[]> {
    const [list, config] = await Promise.all([this.get(), recommendedConfig()]);
    return list.map((url) => ({ url, organisation: config.reportEndpoint?.url === url ? config.reportEndpoint.organisation : null }));
  }

  /** Saves the list; throws naming the first endpoint that is not https (or http on 127.0.0.1). */
  async save(endpoints: string[]): Promise<string[]> {
    const clean = [...new Set(endpoints.map((e) => e.trim()).filter(Boolean))];
    for (const e of clean) checkEndpoint(e);
    await browser.storage.local.set({ [KEY]: clean });
    return clean;
  }
}
