import { LIST_ACTIONS, LIST_NAMES, type ListAction, type ListName } from '../feed/format';

/**
 * The shopper's say over what the lists do (options → 屏蔽与标记): per list kind, an action that
 * overrides the list keeper's (feed metadata), or nothing to follow the keeper. Kept apart from the
 * page settings: its own storage item, its own section, its own defaults.
 */
export interface BlockPreferences {
  version: 1;
  /** Per list kind, the shopper's action; a kind not named follows its list keeper. */
  lists: Partial<Record<ListName, ListAction>>;
}

export const DEFAULT_BLOCK_PREFERENCES: Readonly<BlockPreferences> = Object.freeze({ version: 1, lists: {} });

/** Whatever is stored (nothing, an older or hand-edited value) → valid preferences, field by field. */
export function normalizeBlockPreferences(raw: unknown): BlockPreferences {
  const lists: BlockPreferences['lists'] = {};
  const r = raw && typeof raw === 'object' ? (raw as { lists?: unknown }).lists : undefined;
  if (r && typeof r === 'object') {
    for (const name of LIST_NAMES) {
      const action = (r as Record<string, unknown>)[name];
      if ((LIST_ACTIONS as readonly unknown[]).includes(action)) lists[name] = action as ListAction;
    }
  }
  return { version: 1, lists };
}

/** What a list's entries do for this shopper: their own choice for the kind, else the keeper's. */
export function effectiveAction(list: ListName, keeper: ListAction, prefs: BlockPreferences): ListAction {
  return prefs.lists[list] ?? keeper;
}
