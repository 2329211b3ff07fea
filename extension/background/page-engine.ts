import type { Lang } from '../../src/i18n/lang';
import type { PageSnapshot, SnapshotScan } from '../../src/scan/locator';
import { scanSnapshot, type EngineReply, type EngineRequest } from '../offscreen/scan-snapshot';

const OFFSCREEN_URL = 'extension/offscreen/offscreen.html';

interface ChromeOffscreen {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  offscreen: { createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void> };
}

/**
 * Where page snapshots are scanned. Firefox's background is a page with a DOMParser: there. Chrome's
 * service worker has none, so one offscreen document (reason DOM_PARSER) does it; it is created on
 * first use, again after the browser closed it, and Chrome lets it outlive the worker's restarts.
 * Either way the work runs in the extension's process, never on the shop page's main thread.
 */
export class PageEngine {
  private creating: Promise<void> | null = null;

  async scan(snapshot: PageSnapshot, url: string, lang: Lang): Promise<SnapshotScan> {
    if (typeof DOMParser === 'function') return scanSnapshot(snapshot, url, lang);
    const request: EngineRequest = { lzEngine: 'scan', snapshot, url, lang };
    for (let attempt = 0; ; attempt++) {
      await this.ensureDocument(attempt > 0);
      let reply: EngineReply | undefined;
      try {
        reply = (await chromeApi().runtime.sendMessage(request)) as EngineReply | undefined;
      } catch (error) {
        // "Receiving end does not exist": the document is gone (or not listening yet).
        if (attempt < 2) continue;
        throw error;
      }
      if (!reply) {
        if (attempt < 2) continue;
        throw new Error('the scanning document did not answer');
      }
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    }
  }

  private ensureDocument(again: boolean): Promise<void> {
    if (again) this.creating = null;
    this.creating ??= chromeApi()
      .offscreen.createDocument({
        url: OFFSCREEN_URL,
        reasons: ['DOM_PARSER'],
        justification: 'Reads the pages of shops for license badges without slowing the page down.',
      })
      .catch((error: unknown) => {
        // Already open (from before this worker started): use it.
        if (!/single offscreen|already/i.test(String(error))) {
          this.creating = null;
          throw error;
        }
      });
    return this.creating;
  }
}

function chromeApi(): ChromeOffscreen {
  return (globalThis as unknown as { chrome: ChromeOffscreen }).chrome;
}
