import { FeedError } from '../feed/feed-error';
import { LIMITS, LIST_NAMES, type BlacklistRecord, type ListName } from '../feed/format';
import { httpTransport } from '../feed/http-transport';
import { keeperActions } from '../feed/list-meta';
import { parseBlacklistLeaf } from '../feed/records';
import { cachedFile } from '../lists/leaf-cache';
import type { FeedRow, ListsDb } from '../lists/lists-db';
import { feedHealth } from '../lists/lists-status';
import { loadManifest } from '../lists/manifest-store';
import { effectiveAction, type BlockPreferences } from './block-preferences';
import type { DomainSource } from './block-rules';

/** A list's domain records (ListMeta.domains): a details leaf whose records are all that list's domains. */
export function parseDomainRecords(list: ListName): (bytes: Uint8Array) => BlacklistRecord[] {
  return (bytes) => {
    const records = parseBlacklistLeaf(bytes);
    const stray = records.find((r) => r.idType !== 'domain' || r.list !== list);
    if (stray) throw new FeedError('record', `domains file of ${list} holds ${stray.idType} ${stray.id} of ${stray.list}`);
    return records;
  };
}

/** One blocking list's domain records, from one feed. */
export interface FeedDomains {
  feed: string;
  list: ListName;
  records: BlacklistRecord[];
}

export interface DomainFiles {
  lists: FeedDomains[];
  /** Lists whose file could not be had (offline, refused): blocked by the document_start check only. */
  problems: string[];
  /**
   * Blocking lists that may hold domains and publish no file of them (too many for one, or a feed
   * built before `domainCount`): only the document_start check can stop their sites.
   */
  unheld: string[];
}

/**
 * The domain records of every list whose entries block here (the keeper's action or the shopper's)
 * and whose feed publishes them in full. Content-addressed like every feed file: fetched once (after
 * a sync, never on a navigation), checked against the signed manifest, cached by SHA-256.
 */
export async function blockingDomainFiles(db: ListsDb, prefs: BlockPreferences, deps: { fetch?: typeof fetch; now?: number } = {}): Promise<DomainFiles> {
  const lists: FeedDomains[] = [];
  const problems: string[] = [];
  const unheld: string[] = [];
  const now = deps.now ?? Date.now();
  // A stale feed's entries never block (block-reasons.ts BlockContext.stale): no rules from it.
  const rows = (await db.feeds.toArray()).filter((f): f is FeedRow & { active: NonNullable<FeedRow['active']> } => f.enabled && !!f.active && !feedHealth(f, now).stale);
  for (const row of rows) {
    const manifest = await loadManifest(db, row.id, row.active.manifestSha);
    const actions = keeperActions(manifest);
    const transport = deps.fetch ? httpTransport(row.url, { fetch: deps.fetch, timeoutMs: 60_000 }) : null;
    for (const list of LIST_NAMES) {
      const meta = manifest.lists?.[list];
      if (effectiveAction(list, actions[list], prefs) !== 'block') continue;
      const ref = meta?.domains;
      if (!ref) {
        if (meta?.domainCount !== 0) unheld.push(`${row.name} ${list}`);
        continue;
      }
      try {
        const records = await cachedFile(db, row.id, transport, ref, parseDomainRecords(list), now, LIMITS.domainsBytes);
        lists.push({ feed: row.name, list, records });
      } catch (error) {
        problems.push(`${row.name} ${list}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return { lists, problems, unheld };
}

/** The budget is spent in this order: scam sites first, then the rest as the lists are numbered. */
const ORDER: readonly ListName[] = ['fraud-domain', 'serious-dishonest', 'community', 'abnormal-operation', 'court-dishonest'];

/** The domain files as sources for the browser's rules (the shopper's own are personal-rules.ts's, ranked apart). */
export function domainSources(files: readonly FeedDomains[]): DomainSource[] {
  const sorted = [...files].sort((a, b) => ORDER.indexOf(a.list) - ORDER.indexOf(b.list));
  return sorted.map((f) => ({ name: `${f.feed} ${f.list}`, domains: f.records.map((r) => r.id) }));
}
