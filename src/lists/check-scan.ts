import { withDataFindings } from '../verdict/data-rules';
import { blacklistQueries, entityQueries } from '../feed/scan-queries';
import type { Lang } from '../i18n/lang';
import type { ScanResult } from '../types';
import { lookupEntities, type CreditDeps } from './credit-cache';
import type { ListsDb } from './lists-db';
import { lookupIdentifiers } from './lookup-identifiers';

/**
 * Everything the service worker does for a scanned page: blacklist lookups of its identifiers and
 * domain, credit-cache lookups of its USCCs, and the data findings added to the scan. A failed
 * lookup becomes an 'unknown' status finding, never a clean result.
 */
export async function checkScanWithLists(db: ListsDb, result: ScanResult, lang: Lang, deps: CreditDeps = {}): Promise<ScanResult> {
  const { matches, status, feeds } = await lookupIdentifiers(db, blacklistQueries(result), deps);
  const entities = status.state === 'none' ? [] : await lookupEntities(db, entityQueries(result), deps, feeds);
  return withDataFindings(result, { matches, entities, status }, lang);
}
