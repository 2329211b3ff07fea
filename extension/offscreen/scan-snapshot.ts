import { scanSnapshot, type PageSnapshot, type SnapshotScan } from '../../src/scan/snapshot';

/**
 * Scans a page's snapshot in an extension document (Chrome's offscreen document, Firefox's
 * background page): DOMParser makes an inert copy (no script runs, nothing loads), and the engine
 * reads it as it would read the page. Facts only; the service worker judges them.
 */
export function scanSnapshotHere(snapshot: PageSnapshot, url: string): SnapshotScan {
  const parser = new DOMParser();
  return scanSnapshot(snapshot, (html) => parser.parseFromString(html, 'text/html'), { url });
}
