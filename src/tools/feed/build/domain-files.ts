import { LIST_NAMES, type BlacklistRecord, type ListAction, type ListMeta, type ListName } from '../../../feed/format';
import { DEFAULT_LIST_ACTIONS } from '../../../feed/list-meta';
import { writeFeedFile } from './write-file';

/**
 * Lists with at most this many domains are also published as one file of their domain records, so a
 * client can hand them to the browser's own request blocking (docs/feed-format.md, "List metadata").
 * Larger lists are looked up by hash only, like every other key.
 */
export const DEFAULT_DOMAIN_FILE_MAX = 100_000;

/**
 * Collects the `domain` records of each list while the builder streams its rows (a later row for the
 * same domain on the same list replaces the earlier one, as in the shards). A list that passes `max`
 * is dropped from the collection at once, so memory stays bounded by `max` records per list.
 */
export class DomainCollector {
  private readonly byList = new Map<ListName, Map<string, BlacklistRecord> | 'too-many'>();
  /** Domain rows per list, counted past `max` too (a domain given twice counts twice there). */
  private readonly rows = new Map<ListName, number>();

  constructor(private readonly max: number) {}

  add(record: BlacklistRecord): void {
    if (record.idType !== 'domain') return;
    this.rows.set(record.list, (this.rows.get(record.list) ?? 0) + 1);
    let found = this.byList.get(record.list);
    if (found === 'too-many') return;
    if (!found) this.byList.set(record.list, (found = new Map()));
    found.set(record.id, record);
    if (found.size > this.max) this.byList.set(record.list, 'too-many');
  }

  /** Writes each collected list's file (records sorted by domain) and returns the manifest's `lists`. */
  write(root: string, actions: Partial<Record<ListName, ListAction>>): Record<ListName, ListMeta> {
    const lists = {} as Record<ListName, ListMeta>;
    for (const list of LIST_NAMES) {
      const meta: ListMeta = { action: actions[list] ?? DEFAULT_LIST_ACTIONS[list] };
      const found = this.byList.get(list);
      meta.domainCount = found === 'too-many' ? (this.rows.get(list) ?? 0) : (found?.size ?? 0);
      if (found && found !== 'too-many' && found.size) {
        const records = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        meta.domains = writeFeedFile(root, 'lists', `${list}-domains`, 'json', Buffer.from(JSON.stringify(records)), records.length);
      }
      lists[list] = meta;
    }
    return lists;
  }
}
