import type { DataLookups, FeedHealth } from '../feed/lookup-types';
import { blacklistQueries, entityQueries, type QueriedPage } from '../feed/scan-queries';
import { lookupEntities, type CreditDeps } from './credit-cache';
import type { ListsDb } from './lists-db';
import { lookupIdentifiers } from './lookup-identifiers';

/**
 * What the lists say about a page: blacklist lookups of its identifiers and domain, credit-cache
 * lookups of its USCCs, and the health of the lists asked. Lookups only: the verdict rules that read
 * them are judge()'s (src/verdict).
 */
export async function lookupPage(db: ListsDb, page: QueriedPage, deps: CreditDeps = {}): Promise<DataLookups> {
  const { matches, status, feeds } = await lookupIdentifiers(db, blacklistQueries(page), deps);
  const entities = status.state === 'none' ? [] : await lookupEntities(db, entityQueries(page), deps, feeds);
  return { matches, entities, status };
}

/**
 * The lookups of a page whose lists could not be asked at all (the database failed, say): every
 * feed is reported with the error, so the verdict says "could not check", never a clean result.
 */
export function failedLookups(message: string, feeds: FeedHealth[] = []): DataLookups {
  const named = feeds.length ? feeds : [{ name: 'lists', url: '', version: null, lastSuccess: null, stale: true, error: null }];
  return { matches: [], entities: [], status: { state: 'error', feeds: named.map((f) => ({ ...f, error: message })) } };
}
