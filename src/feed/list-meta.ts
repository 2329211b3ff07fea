import { LIST_ACTIONS, LIST_NAMES, type ListAction, type ListName, type Manifest } from './format';

/**
 * What each list's entries do when a feed says nothing (feeds built before list metadata existed,
 * and lists a feed's metadata leaves out). Chosen with the issue that asked for blocking (#16): the
 * regulators ask for "对严重违法失信'黑名单'主体进行屏蔽", and a phishing site is worth stopping; the
 * other lists say something about a shop without proving it is a scam, so they mark, or only inform.
 */
export const DEFAULT_LIST_ACTIONS: Readonly<Record<ListName, ListAction>> = Object.freeze({
  'serious-dishonest': 'block',
  'fraud-domain': 'block',
  'abnormal-operation': 'mark',
  community: 'mark',
  // 失信被执行人 is about unpaid court debts, not about how a shop sells: shown on the page only.
  'court-dishonest': 'inform',
});

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problem with a manifest's `lists` section, or null. Unknown list names are refused (a newer list
 * would come with a newer list code, which an older client refuses anyway); `domains` is checked by
 * `fileRef` (the manifest's own file-reference check).
 */
export function listsMetaProblem(v: unknown, fileRef: (v: unknown) => string | null): string | null {
  if (v === undefined) return null;
  if (!isObj(v)) return 'lists section is not an object';
  for (const [name, meta] of Object.entries(v)) {
    if (!(LIST_NAMES as string[]).includes(name)) return `lists: unknown list ${JSON.stringify(name)}`;
    if (!isObj(meta) || !(LIST_ACTIONS as readonly unknown[]).includes(meta.action)) return `lists.${name}: action must be one of ${LIST_ACTIONS.join(', ')}`;
    if (meta.domains !== undefined) {
      const p = fileRef(meta.domains);
      if (p) return `lists.${name}.domains: ${p}`;
    }
    if (meta.domainCount !== undefined && !(Number.isSafeInteger(meta.domainCount) && (meta.domainCount as number) >= 0)) return `lists.${name}.domainCount must be a whole number`;
  }
  return null;
}

/** The keeper's action for every list of a feed: its metadata, with the defaults where it says nothing. */
export function keeperActions(manifest: Pick<Manifest, 'lists'>): Record<ListName, ListAction> {
  const out = { ...DEFAULT_LIST_ACTIONS };
  for (const name of LIST_NAMES) {
    const action = manifest.lists?.[name]?.action;
    if (action) out[name] = action;
  }
  return out;
}
