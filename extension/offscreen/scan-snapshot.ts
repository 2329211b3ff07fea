import { ScanBudget } from '../../src/scan/budget';
import { scanSnapshot, type PageSnapshot, type SnapshotScan } from '../../src/scan/snapshot';

/**
 * Scans a page's snapshot in an extension document (Chrome's offscreen document, Firefox's
 * background page): DOMParser makes an inert copy (no script runs, nothing loads), and the engine
 * reads it as it would read the page. Facts only; the service worker judges them.
 */
export function scanSnapshotHere(snapshot: PageSnapshot, url: string): SnapshotScan {
  // The clock starts before parsing: parsing the snapshot is part of the scan's turn.
  const budget = ScanBudget.of(SCAN_BUDGET_MS);
  const parser = new DOMParser();
  return scanSnapshot(snapshot, (html) => parser.parseFromString(html, 'text/html'), { url, budget });
}

/**
 * How long one scan may take in the engine's document, which all tabs share (issue 15): another
 * tab's page waits for at most this (and the rest of the piece of work under way when it runs out)
 * plus its own scan, within the second the issue allows. Typical pages take a few milliseconds, the
 * 50,000-node benchmark page about 40 (npm run bench: scan, hostile, fairness); a page over it is
 * judged on what was read, with the "only part of this page could be read" note.
 */
export const SCAN_BUDGET_MS = 400;
