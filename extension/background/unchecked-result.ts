import { withDataFindings } from '../../src/verdict/data-rules';
import type { Lang } from '../../src/i18n/lang';
import type { ScanResult } from '../../src/types';

/**
 * The page's scan when the service worker could not check it against the lists: the data rules see
 * "no list loaded", so the panel says black lists and credit were not checked (unknown, not clean).
 */
export function uncheckedResult(result: ScanResult, lang: Lang): ScanResult {
  return withDataFindings(result, { matches: [], entities: [], status: { state: 'none', feeds: [] } }, lang);
}
