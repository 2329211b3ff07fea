// Bundled into a bench page inside a copy of the built extension (same origin as its service worker,
// so the same IndexedDB and the same synced lists): times the block decision of one navigation with
// the code the worker runs for the guard's question (navigation-check.ts checkNavigation).
import { DEFAULT_BLOCK_PREFERENCES } from '../../src/blocking/block-preferences';
import { checkNavigation } from '../../src/blocking/navigation-check';
import { warmGenerations } from '../../src/lists/generation-cache';
import { openListsDb } from '../../src/lists/lists-db';

declare global {
  interface Window {
    lzBlockBench: {
      /**
       * checkNavigation for each URL in turn, on the lists in this profile's IndexedDB, with the
       * default preferences: ms per URL and whether it was blocked. `warm`: the generation caches
       * (shard rows, page filters) loaded first, as they are in a worker that has looked anything up.
       */
      check(urls: string[], warm: boolean): Promise<{ ms: number[]; blocked: boolean[]; reads: number[] }>;
      /** The guard's whole question, through the worker (runtime.sendMessage), per URL. */
      ask(urls: string[]): Promise<{ ms: number[]; blocked: boolean[] }>;
    };
  }
}

/** The extension's own messaging (the bench page is one of its pages). */
const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;

const choices = { prefs: DEFAULT_BLOCK_PREFERENCES, personal: [], allowances: [] };

/** IndexedDB transactions opened in this page so far: which lookups went to the database (the tail's cause). */
let transactions = 0;
const open = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
  transactions++;
  return open.apply(this, args);
} as IDBDatabase['transaction'];

window.lzBlockBench = {
  async check(urls, warm) {
    const db = openListsDb({ indexedDB, IDBKeyRange });
    if (warm) await warmGenerations(db, await db.feeds.toArray());
    const ms: number[] = [];
    const blocked: boolean[] = [];
    const reads: number[] = [];
    for (const url of urls) {
      const before = transactions;
      const t = performance.now();
      const answer = await checkNavigation(db, url, choices);
      ms.push(performance.now() - t);
      reads.push(transactions - before);
      blocked.push(answer.reasons.length > 0);
    }
    db.close();
    return { ms, blocked, reads };
  },
  async ask(urls) {
    const ms: number[] = [];
    const blocked: boolean[] = [];
    for (const url of urls) {
      const t = performance.now();
      const reply = (await runtime.sendMessage({ type: 'checkNavigation', payload: { url } })) as { ok: boolean; value?: { block: boolean }; error?: string };
      ms.push(performance.now() - t);
      if (!reply.ok) throw new Error(reply.error);
      blocked.push(!!reply.value?.block);
    }
    return { ms, blocked };
  },
};
