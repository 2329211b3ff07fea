import { Dexie } from 'dexie';

/**
 * Counts the writes Dexie reports per database table, in this context and, through Dexie's
 * BroadcastChannel, in every other context of the extension (the worker syncs; an extension page may
 * look lists up). Dexie reports a write when its transaction has committed, so a value read from
 * IndexedDB while a table's count stayed the same is still what the table holds, give or take a
 * write committed a moment ago whose report is on its way (then a lookup sees the generation that
 * was active a moment ago: complete, never half an import). All lists writes go through Dexie.
 */
const counts = new Map<string, number>();
let everything = 0;

Dexie.on('storagemutated', (parts) => {
  for (const key of Object.keys(parts)) {
    // "idb://<database>/<table>/<index>"; anything else ("all") means Dexie cannot say what changed.
    const m = /^idb:\/\/(.+)\/([^/]+)\/[^/]*$/.exec(key);
    if (!m) everything++;
    else counts.set(`${m[1]}/${m[2]}`, (counts.get(`${m[1]}/${m[2]}`) ?? 0) + 1);
  }
});

/** A value that changes whenever a write to `table` of database `dbName` is reported. */
export function writeEpoch(dbName: string, table: string): string {
  return `${everything}:${counts.get(`${dbName}/${table}`) ?? 0}`;
}
