import type { ListAction, ListName } from '../feed/format';
import { keeperActions } from '../feed/list-meta';
import type { FeedRow, ListsDb } from '../lists/lists-db';
import { loadManifest } from '../lists/manifest-store';

/** By manifest SHA-256: a generation's manifest never changes, so neither do its list actions. */
const memo = new Map<string, Readonly<Record<ListName, ListAction>>>();
const MEMO_MAX = 32;

/**
 * The keeper's action for each list of each active feed, by feed name (what a list hit names). Read
 * from the generations' signed manifests, once per generation.
 */
export async function keeperActionsOf(db: ListsDb, feeds: readonly FeedRow[]): Promise<Map<string, Readonly<Record<ListName, ListAction>>>> {
  const out = new Map<string, Readonly<Record<ListName, ListAction>>>();
  for (const row of feeds) {
    if (!row.active) continue;
    const sha = row.active.manifestSha;
    let actions = memo.get(sha);
    if (!actions) {
      actions = Object.freeze(keeperActions(await loadManifest(db, row.id, sha)));
      if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
      memo.set(sha, actions);
    }
    out.set(row.name, actions);
  }
  return out;
}
