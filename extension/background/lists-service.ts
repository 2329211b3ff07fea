import browser from 'webextension-polyfill';
import type { DataLookups } from '../../src/feed/lookup-types';
import { failedLookups, lookupPage } from '../../src/lists/lookup-page';
import { openListsDb, type ListsDb } from '../../src/lists/lists-db';
import { getListsStatus, getSyncStatus, type FeedSyncStatus } from '../../src/lists/lists-status';
import { parseManagedFeeds } from '../../src/lists/managed-feeds';
import { isSubscribed, manifestUrl, subscribeFeed, unsubscribeFeed, type FeedSubscription } from '../../src/lists/subscriptions';
import { syncFeed, type SyncOutcome } from '../../src/lists/sync-feed';
import type { QueriedPage } from '../../src/feed/scan-queries';

/** The regular check for new list versions (ETag: an unchanged feed costs one small request). */
const SYNC_ALARM = 'lz-lists-sync';
const SYNC_EVERY_MIN = 6 * 60;
/**
 * Wakes the worker while an import is unfinished: the browser may kill the worker (or quit) mid-import,
 * and nothing else would start it again until the user visits a page. 0.5 min is Chromium's minimum.
 */
const RESUME_ALARM = 'lz-lists-resume';
const RESUME_EVERY_MIN = 0.5;
/** Any extension API call resets the worker's 30 s idle timer; a long import must not be cut by it. */
const KEEPALIVE_MS = 20_000;

/** The platform's fetch, bound (an unbound `fetch` throws "Illegal invocation" in workers). */
const fetchBound: typeof fetch = (input, init) => fetch(input, init);

/**
 * The lists component: the signed-feed subscriptions in the worker's own IndexedDB, their sync (on
 * install, every 6 h, on demand, and resumed after the worker or browser was killed mid-import), and
 * the lookups that add data findings to a page's scan. All state is in IndexedDB; the in-memory map of
 * running syncs only stops one worker from starting the same sync twice.
 */
export class ListsService {
  readonly ready: Promise<void>;
  /** The lists' database, for the other components that read the lists (blocking). */
  readonly db: ListsDb;
  private readonly running = new Map<string, { done: Promise<SyncOutcome>; abort: AbortController }>();

  /** `onChanged`: a feed was synced (or failed to be, and may be stale now) or removed: the block rules follow the lists. */
  constructor(private readonly onChanged: () => void = () => {}) {
    this.db = openListsDb({ indexedDB: self.indexedDB, IDBKeyRange: self.IDBKeyRange });
    browser.runtime.onInstalled.addListener(() => void this.afterReady(() => this.syncAll(false)));
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) void this.afterReady(() => this.syncAll(false));
      else if (alarm.name === RESUME_ALARM) void this.afterReady(() => this.resume());
    });
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    await this.db.open();
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_EVERY_MIN });
    // A worker (re)starting is the first chance to finish an import a killed worker left behind.
    void this.resume();
    void this.applyManaged().catch((e: unknown) => console.warn('[liangzhao] managed feeds:', e));
  }

  /**
   * Subscribes the feeds an administrator configured in managed storage (see managed-feeds.ts) that
   * are not subscribed as configured yet; each new one starts its first sync. Checked at every start
   * (a policy can change while the browser is closed); a user who removes such a feed gets it back.
   */
  private async applyManaged(): Promise<void> {
    let value: unknown;
    try {
      value = (await browser.storage.managed.get('feeds')).feeds;
    } catch {
      return; // no managed storage here (not set up, or not supported): nothing to apply
    }
    const { feeds, problems } = parseManagedFeeds(value);
    for (const p of problems) console.warn('[liangzhao] managed feeds:', p);
    for (const sub of feeds) {
      try {
        if (!isSubscribed(await this.db.feeds.get(manifestUrl(sub.url)), sub)) await this.subscribe(sub);
      } catch (error) {
        console.warn(`[liangzhao] managed feed ${sub.url}:`, error);
      }
    }
  }

  private async afterReady(task: () => Promise<unknown>): Promise<void> {
    try {
      await this.ready;
      await task();
    } catch (error) {
      console.warn('[liangzhao] lists:', error);
    }
  }

  /**
   * Continues interrupted imports (the engine skips the shards already stored). A sync that was killed
   * never recorded a failure, so it resumes at once, whatever backoff an older failure left; one that
   * failed on its own (network, server) waits for its backoff.
   */
  async resume(): Promise<void> {
    const feeds = await this.db.feeds.toArray();
    const unfinished = feeds.filter((f) => f.enabled && (f.pending || f.syncing) && !this.running.has(f.id));
    const killed = (f: (typeof feeds)[number]) => !(f.lastError && f.lastError.at >= (f.lastAttempt ?? 0));
    await Promise.all(unfinished.map((f) => this.sync(f.id, killed(f)).catch(() => undefined)));
    await this.settleResumeAlarm();
  }

  /** Starts the sync of every enabled feed (each respecting its backoff unless forced); returns their ids. */
  async syncAll(force: boolean): Promise<string[]> {
    const ids = (await this.db.feeds.toArray()).filter((f) => f.enabled).map((f) => f.id);
    for (const id of ids) void this.sync(id, force).catch((e: unknown) => console.warn('[liangzhao] lists:', e));
    return ids;
  }

  /** "Sync now": one feed or all, ignoring the backoff; answers at once with what was started. */
  async syncNow(id?: string): Promise<string[]> {
    if (id === undefined) return this.syncAll(true);
    if (!(await this.db.feeds.get(id))) throw new Error(`no subscribed feed ${id}`);
    void this.sync(id, true).catch((e: unknown) => console.warn('[liangzhao] lists:', e));
    return [id];
  }

  /** Starts (or joins) the sync of one feed. */
  sync(id: string, force: boolean): Promise<SyncOutcome> {
    const current = this.running.get(id);
    if (current) return current.done;
    const abort = new AbortController();
    const done = this.runSync(id, force, abort.signal).finally(() => {
      this.running.delete(id);
      void this.settleResumeAlarm();
    });
    this.running.set(id, { done, abort });
    return done;
  }

  private async runSync(id: string, force: boolean, signal: AbortSignal): Promise<SyncOutcome> {
    await browser.alarms.create(RESUME_ALARM, { delayInMinutes: RESUME_EVERY_MIN, periodInMinutes: RESUME_EVERY_MIN });
    const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEPALIVE_MS);
    try {
      const outcome = await syncFeed(this.db, id, { fetch: fetchBound, force, signal });
      if (outcome.outcome === 'failed') console.warn(`[liangzhao] feed ${id}: ${outcome.error.code}: ${outcome.error.message}`);
      // A new version changes the rules; any other outcome may leave a list stale (it then stops blocking).
      this.onChanged();
      return outcome;
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** The resume alarm runs only while some import is unfinished. */
  private async settleResumeAlarm(): Promise<void> {
    if (this.running.size) return;
    const pending = (await this.db.feeds.toArray()).some((f) => f.enabled && f.pending);
    if (!pending) await browser.alarms.clear(RESUME_ALARM);
  }

  status(): Promise<FeedSyncStatus[]> {
    return getSyncStatus(this.db);
  }

  /** Adds (or updates) a feed and starts its first sync. */
  async subscribe(sub: FeedSubscription): Promise<FeedSyncStatus[]> {
    const row = await subscribeFeed(this.db, sub);
    void this.sync(row.id, true).catch((e: unknown) => console.warn('[liangzhao] lists:', e));
    return this.status();
  }

  /** Stops a running sync of the feed, then deletes the feed and its data. */
  async unsubscribe(id: string): Promise<FeedSyncStatus[]> {
    const current = this.running.get(id);
    if (current) {
      current.abort.abort();
      await current.done.catch(() => undefined);
    }
    await unsubscribeFeed(this.db, id);
    this.onChanged();
    return this.status();
  }

  /**
   * What the lists say about a page (black lists, registration status, credit level). Lookups never
   * send the identifier or the page: hits and credit records are fetched by hash prefix. A lookup
   * that fails answers with an 'error' status, so the verdict says "could not check"; never clean.
   */
  async lookup(page: QueriedPage): Promise<DataLookups> {
    try {
      return await lookupPage(this.db, page, { fetch: fetchBound });
    } catch (error) {
      console.warn('[liangzhao] list lookup failed:', error);
      const status = await getListsStatus(this.db).catch(() => null);
      return failedLookups(`lookup failed: ${error instanceof Error ? error.message : String(error)}`, status?.feeds);
    }
  }
}
