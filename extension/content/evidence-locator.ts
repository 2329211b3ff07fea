import { elementOf } from '../../src/scan/evidence';
import type { DetailedScan } from '../../src/scan/scan-page';

/** Maps an evidence ref of a scan back to its element on the page; null when gone from the page. */
export function makeFindElement(scan: DetailedScan): (ref: number) => Element | null {
  return (ref) => elementOf(scan.locations[ref]);
}
