import browser from 'webextension-polyfill';
import { checkEndpoint } from '../../src/reports/send-report';

const KEY = 'reportEndpoints';

/**
 * Where reports are sent, in order (the first that answers for good wins). None by default: reports
 * then stay queued in the outbox, shown as "no endpoint configured", and are never dropped.
 */
export class ReportEndpoints {
  readonly ready: Promise<void> = Promise.resolve();

  async get(): Promise<string[]> {
    const raw = (await browser.storage.local.get(KEY))[KEY];
    if (!Array.isArray(raw)) return [];
    return raw.filter((e): e is string => {
      try {
        return typeof e === 'string' && !!checkEndpoint(e);
      } catch {
        return false;
      }
    });
  }

  /** Saves the list; throws naming the first endpoint that is not https (or http on 127.0.0.1). */
  async save(endpoints: string[]): Promise<string[]> {
    const clean = [...new Set(endpoints.map((e) => e.trim()).filter(Boolean))];
    for (const e of clean) checkEndpoint(e);
    await browser.storage.local.set({ [KEY]: clean });
    return clean;
  }
}
