import type { PageSnapshot, SnapshotScan } from '../../src/scan/locator';
import type { PictureFacts } from '../../src/types';
import { chromeApi } from '../browser/native-api';
import type { PictureEngine } from '../offscreen/picture-engine';
import { scanSnapshotHere } from '../offscreen/scan-snapshot';
import type { PictureEngineStatus, PictureInput } from '../protocol/messages';
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
  /** Firefox's background page reads pictures itself (Chrome's worker asks the offscreen document). */
  private local: Promise<PictureEngine> | null = null;

  async scan(snapshot: PageSnapshot, url: string): Promise<SnapshotScan> {
    if (typeof DOMParser === 'function') return scanSnapshotHere(snapshot, url);
    await this.ensureDocument();
    return send('scanSnapshot', { url, snapshot });
  }

  /** Reads licence pictures where the OCR models live (loaded on first use, kept warm). */
  async readPictures(pictures: PictureInput[]): Promise<PictureFacts[]> {
    if (!pictures.length) return [];
    if (typeof DOMParser === 'function') return (await this.localEngine()).read(pictures);
    await this.ensureDocument();
    return (await send('readPictures', { pictures })).pictures;
  }

  /** How far the reader's first model load is. */
  async pictureStatus(): Promise<PictureEngineStatus> {
    if (typeof DOMParser === 'function') return (await this.localEngine()).status;
    await this.ensureDocument();
    return send('pictureEngineStatus', {});
  }

  /** Imported on first use: the reader's code (ONNX Runtime) loads only where a picture is read. */
  private localEngine(): Promise<PictureEngine> {
    this.local ??= import('../offscreen/picture-engine').then(({ PictureEngine }) => {
      const engine = new PictureEngine();
      // The bench reads the reader's timings here (tests/bench/ocr-bench.ts); nothing else does.
      (globalThis as { liangzhaoPictures?: PictureEngine }).liangzhaoPictures = engine;
      return engine;
    });
    return this.local;
  }

  /**
   * Opens the offscreen document unless one is open (runtime.getContexts, Chrome 116+). While one is
   * being created, every caller waits for that creation: the document is listed by getContexts as
   * soon as it exists, before its script has set up its listener, and a message sent then fails with
   * "Receiving end does not exist" (seen on the first picture read of a session).
   */
  private async ensureDocument(): Promise<void> {
    if (this.creating) return this.creating;
    const chrome = chromeApi();
    if (!chrome?.offscreen || !chrome.runtime.getContexts) throw new Error('this browser can neither parse HTML in the background nor open an offscreen document');
    const url = chrome.runtime.getURL(OFFSCREEN_URL);
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (this.creating) return this.creating;
    if (open.length) return;
    // One creation at a time: two pages scanned at once must not both try.
    this.creating = chrome.offscreen
      .createDocument({ url: OFFSCREEN_URL, reasons: ['DOM_PARSER'], justification: 'Reads the pages of shops for license badges without slowing the page down.' })
      .finally(() => {
        this.creating = null;
      });
    await this.creating;
  }
}
