import type { Lang } from '../../src/i18n/lang';
import { scanSnapshotSteps, type PageSnapshot, type SnapshotScan } from '../../src/scan/snapshot';
import { runSteps } from '../../src/scan/steps';

/**
 * Scans a page's snapshot in an extension document (Chrome's offscreen document, Firefox's
 * background page): DOMParser makes an inert copy (no script runs, nothing loads), and the engine
 * reads it as it would read the page.
 */
export function scanSnapshot(snapshot: PageSnapshot, url: string, lang: Lang): SnapshotScan {
  const parser = new DOMParser();
  return runSteps(scanSnapshotSteps(snapshot, (html) => parser.parseFromString(html, 'text/html'), { url, lang }));
}

/** The service worker's request to the offscreen document, and its answer. */
export interface EngineRequest {
  lzEngine: 'scan';
  snapshot: PageSnapshot;
  url: string;
  lang: Lang;
}
export type EngineReply = { ok: true; value: SnapshotScan } | { ok: false; error: string };

export const isEngineRequest = (m: unknown): m is EngineRequest => !!m && typeof m === 'object' && (m as { lzEngine?: unknown }).lzEngine === 'scan';
