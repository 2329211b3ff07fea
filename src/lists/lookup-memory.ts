import type { CacheRow, FeedRow, ListsDb } from './lists-db';
import { writeEpoch } from './write-epochs';

/**
 * What lookups remember between them in this context, per table: the feed rows, recently read pages
 * and cache rows. Every entry is dropped as soon as a write to its table is reported (write-epochs),
 * and an entry is kept only if no write was reported while it was being read, so a remembered value
 * is what IndexedDB holds. Memory only: a new worker starts empty and reads IndexedDB.
 *
 * Why: each IndexedDB transaction is a round trip to the browser's database thread, and on a busy
 * machine one in fifty takes several milliseconds however little it reads (a transaction that reads
 * only the feed rows has a p99 of 3–4 ms on the 2-core bench machine). Lists change a few times a
 * day; pages are looked up again and again (every rescan of a page asks for the same identifiers).
 */
class TableMemo<V> {
  private readonly entries = new Map<string, V>();
  private epoch: string;

  constructor(
    private readonly db: ListsDb,
    private readonly table: string,
    private readonly max: number,
  ) {
    this.epoch = writeEpoch(db.name, table);
  }

  /** The current epoch of the table: take it before a read, hand it to {@link keep} after. */
  now(): string {
    const epoch = writeEpoch(this.db.name, this.table);
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
    return epoch;
  }

  get(key: string): V | undefined {
    this.now();
    const value = this.entries.get(key);
    if (value !== undefined && this.entries.size > 1) {
      // Least recently used goes first: re-insert on use.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Remembers a value read while the table's epoch was `readAt` (nothing if it changed meanwhile). */
  keep(key: string, value: V, readAt: string): void {
    if (this.now() !== readAt) return;
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The memos of one database connection. */
export interface LookupMemo {
  feeds: TableMemo<FeedRow[]>;
  /** Page bytes by `feedId \0 pageKey` (~4 KB each: 256 pages are 1 MB). */
  pages: TableMemo<Uint8Array>;
  /** Cache rows by key; `{ row: undefined }` remembers that a key is not cached. */
  cache: TableMemo<{ row: CacheRow | undefined }>;
}

const memos = new WeakMap<ListsDb, LookupMemo>();

/** The memos of `db` (created on first use). */
export function lookupMemo(db: ListsDb): LookupMemo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = { feeds: new TableMemo(db, 'feeds', 1), pages: new TableMemo(db, 'pages', 256), cache: new TableMemo(db, 'cache', 64) }));
  return memo;
}

/**
 * A cache row (fetched leaf indexes and leaves) read through the memo: the credit-cache and details
 * lookups ask for the same few rows for every page that shows the same companies.
 */
export async function rememberedCacheRow(db: ListsDb, key: string): Promise<CacheRow | undefined> {
  const memo = lookupMemo(db).cache;
  const known = memo.get(key);
  if (known) return known.row;
  const readAt = memo.now();
  const row = await db.cache.get(key);
  memo.keep(key, { row }, readAt);
  return row;
}

/** Forgets everything remembered for `db` (it was closed and opened again). */
export function forgetLookups(db: ListsDb): void {
  memos.delete(db);
}

/** The memo key of a page. */
export const pageMemoKey = (feedId: string, pageKey: number): string => `${feedId}\u0000${pageKey}`;
