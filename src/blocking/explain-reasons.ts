import type { BlockReason } from './block-reasons';
import type { FeedDomains } from './domain-sources';

/**
 * Fills in the details (why, who, since when) of list reasons that came without them, from the
 * lists' domain records kept on the device; what is not there stays without details.
 */
export function withLocalDetails(reasons: readonly BlockReason[], files: readonly FeedDomains[]): BlockReason[] {
  return reasons.map((r) => {
    if (r.source !== 'list' || r.record || r.kind !== 'domain') return r;
    const file = files.find((f) => f.feed === r.feed && f.list === r.list);
    const record = file?.records.find((x) => x.id === r.value);
    return record ? { ...r, record } : r;
  });
}
