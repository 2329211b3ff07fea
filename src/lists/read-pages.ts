import { prefixOf } from '../feed/bytes';
import { generationRange, type FeedRow, type ListsDb, type ShardRow } from './lists-db';
import { mayContain } from './page-filter';
import { pageFor } from './shard-pages';

/** The page of one feed that holds (or would hold) the records of one hash. */
export interface PageRead {
  row: FeedRow;
  /** Index of the hash in the caller's list. */
  index: number;
  page: Uint8Array;
}

/**
 * Shard rows by generation uid, then shard number. A generation's rows never change and the uid is
 * new for every import, so a cached row is never out of date. ~600 bytes per shard of 40 pages;
 * only generations in use are kept.
 */
const shardCache = new Map<string, Map<number, ShardRow>>();

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

type Wanted = { row: FeedRow; index: number; key: [string, number] };

/** Page filters by generation uid, then shard number (immutable like the shard rows). */
const filterCache = new Map<string, Map<number, Uint8Array[]>>();
const filterLoads = new Map<string, Promise<void>>();

/**
 * Loads the page filters of the feeds' active generations into memory (1 byte per entry:
 * 10 MB for 10 million), in its own transaction, once per generation and worker. Lookups do not
 * wait for it: until it is done they read every page they need.
 */
export function warmFilters(db: ListsDb, rows: FeedRow[]): Promise<void> {
  const inUse = new Set(rows.map((r) => r.active?.uid));
  for (const uid of filterCache.keys()) if (!inUse.has(uid)) filterCache.delete(uid);
  return Promise.all(
    rows.map((row) => {
      const active = row.active;
      if (!row.enabled || !active || filterCache.has(active.uid)) return;
      let load = filterLoads.get(active.uid);
      if (!load) {
        load = db.filters
          .where('[feedId+generation+shard]')
          .between(...generationRange(row.id, active.generation))
          .toArray()
          .then((all) => void filterCache.set(active.uid, new Map(all.map((f) => [f.shard, f.filters]))))
          .catch(() => undefined)
          .finally(() => filterLoads.delete(active.uid));
        filterLoads.set(active.uid, load);
      }
      return load;
    }),
  ).then(() => undefined);
}

/** The page keys to read, from cached shard rows only; null when a shard row is not cached. */
function plan(rows: FeedRow[], hashes: Uint8Array[]): Wanted[] | null {
  const wanted: Wanted[] = [];
  for (const row of rows) {
    const active = row.active;
    if (!row.enabled || !active) continue;
    for (let index = 0; index < hashes.length; index++) {
      const shard = shardCache.get(active.uid)?.get(prefixOf(hashes[index]!, active.shardBits));
      if (!shard) return null;
      const p = pageFor(shard.firsts, hashes[index]!);
      const filter = filterCache.get(active.uid)?.get(shard.shard)?.[p];
      if (p >= 0 && (!filter || mayContain(filter, hashes[index]!))) wanted.push({ row, index, key: [row.id, shard.pages[p]!] });
    }
  }
  return wanted;
}

/** Whether two reads of the feed rows name the same generations (so the same pages). */
const sameGenerations = (a: FeedRow[], b: FeedRow[]) =>
  a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.enabled === b[i]!.enabled && r.active?.uid === b[i]!.active?.uid);

/** The feed rows the last lookup read, per database: the likely pointers of the next one. */
const lastRows = new WeakMap<ListsDb, FeedRow[]>();

/**
 * The lookup's reads, in ONE read-only transaction so that they see one generation of each feed:
 * the feed pointers, the shard rows (cached; on a miss all rows of the generation in one request,
 * ~300 KB for 10 million entries, once per generation and worker) and one ~4 KB page per hash and
 * feed, unless the page's filter ({@link warmFilters}) rules the hash out. The pages are asked for together with the feed rows, from the pointers the previous lookup
 * saw; they are used only if this transaction's feed rows name the same generations (otherwise
 * they are read again), so one round trip to the database usually does. On the native API: this
 * is the hot path, and Dexie's promise bookkeeping per request costs about as much as the reads.
 */
export async function readPages(db: ListsDb, hashes: Uint8Array[]): Promise<{ rows: FeedRow[]; pages: PageRead[] }> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(['feeds', 'blobs', 'pages'], 'readonly');
  const failed = new Promise<never>((_, reject) => {
    tx.onabort = () => reject(tx.error ?? new Error('lookup transaction aborted'));
  });
  failed.catch(() => undefined);
  const store = tx.objectStore('pages');
  const fetchPages = (wanted: Wanted[]) => Promise.all(wanted.map((w) => request<Uint8Array | undefined>(store.get(w.key))));
  const run = async () => {
    const rowsRead = request<FeedRow[]>(tx.objectStore('feeds').getAll());
    const guess = lastRows.get(db);
    let wanted = guess && hashes.length ? plan(guess, hashes) : null;
    let got = wanted ? fetchPages(wanted) : null;
    const rows = await rowsRead;
    lastRows.set(db, rows);
    void warmFilters(db, rows);
    if (!wanted || !sameGenerations(guess!, rows)) {
      got?.catch(() => undefined);
      wanted = hashes.length ? plan(rows, hashes) : [];
      if (!wanted) {
        await loadShardRows(db, tx, rows, hashes);
        wanted = plan(rows, hashes)!;
        if (!wanted) throw new Error('lists database damaged: a shard of a loaded list is missing');
      }
      got = fetchPages(wanted);
    }
    const bytes = await got!;
    const pages = wanted.map((w, i) => {
      const page = bytes[i];
      if (!page) throw new Error(`lists database damaged: a page of ${w.row.name} is missing`);
      return { row: w.row, index: w.index, page };
    });
    return { rows, pages };
  };
  return Promise.race([run(), failed]);
}

/** Caches every shard row of the active generation of each feed that lacks one (one request per feed). */
async function loadShardRows(db: ListsDb, tx: IDBTransaction, rows: FeedRow[], hashes: Uint8Array[]): Promise<void> {
  const inUse = new Set(rows.map((r) => r.active?.uid));
  for (const uid of shardCache.keys()) if (!inUse.has(uid)) shardCache.delete(uid);
  for (const row of rows) {
    const active = row.active;
    const cached = active && shardCache.get(active.uid);
    if (!row.enabled || !active || (cached && hashes.every((h) => cached.has(prefixOf(h, active.shardBits))))) continue;
    const all = await request<ShardRow[]>(tx.objectStore('blobs').getAll(db.keyRange.bound(...generationRange(row.id, active.generation))));
    shardCache.set(active.uid, new Map(all.map((r) => [r.shard, r])));
  }
}
