import type { PageSnapshot, SnapshotScan } from '../../src/scan/locator';
import { chromeApi } from '../browser/native-api';
import { scanSnapshotHere } from '../offscreen/scan-snapshot';
import { send } from '../protocol/send';

const OFFSCREEN_URL = 'extension/offscreen/offscreen.html';

/**
 * Where page snapshots are scanned. Firefox's background is a page with a DOMParser: there. Chrome's
 * service worker has none, so one offscreen document (reason DOM_PARSER) does it, asked through the
 * protocol's `scanSnapshot`; the document is created when none is open (on first use, or after the
 * browser closed it), and Chrome lets it outlive the worker's restarts. Either way the work runs in
 * the extension's process, never on the shop page's main thread.
 */
export class PageEngine {
  private creating: Promise<void> | null = null;

  async scan(snapshot: PageSnapshot, url: string): Promise<SnapshotScan> {
    if (typeof DOMParser === 'function') return scanSnapshotHere(snapshot, url);
    await this.ensureDocument();
    return send('scanSnapshot', { url, snapshot });
  }

  /** Opens the offscreen document unless one is open (runtime.getContexts, Chrome 116+). */
  private async ensureDocument(): Promise<void> {
    const chrome = chromeApi();
    if (!chrome?.offscreen || !chrome.runtime.getContexts) throw new Error('this browser can neither parse HTML in the background nor open an offscreen document');
    const url = chrome.runtime.getURL(OFFSCREEN_URL);
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (open.length) return;
    // One creation at a time: two pages scanned at once must not both try.
    this.creating ??= chrome.offscreen
      .createDocument({ url: OFFSCREEN_URL, reasons: ['DOM_PARSER'], justification: 'Reads the pages of shops for license badges without slowing the page down.' })
      .finally(() => {
        this.creating = null;
      });
    await this.creating;
  }
}
