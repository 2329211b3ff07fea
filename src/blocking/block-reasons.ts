import type { BlacklistRecord, KeyType, ListAction, ListName } from '../feed/format';
import { LIST_NAMES } from '../feed/format';
import { DEFAULT_LIST_ACTIONS } from '../feed/list-meta';
import type { ListMatch } from '../feed/lookup-types';
import { matchPersonalLists } from '../personal-lists/match-personal-lists';
import type { PersonalEntry } from '../personal-lists/personal-entry';
import type { Finding, Identifier } from '../types';
import { effectiveAction, type BlockPreferences } from './block-preferences';

/** Why a page is blocked: an entry of a list whose entries block, or the shopper's own list. */
export type BlockReason =
  | {
      source: 'list';
      list: ListName;
      kind: KeyType;
      /** The listed value (a domain, or the shop's licence number). */
      value: string;
      /** The feed (publisher) that lists it. */
      feed: string;
      /** The published record, when it is on this device; null otherwise (the hit itself is certain). */
      record: Pick<BlacklistRecord, 'reason' | 'authority' | 'listedOn' | 'sourceUrl' | 'name'> | null;
    }
  | { source: 'personal'; pattern: string; note: string; addedAt: string };

/** What decides: the keeper's action per list of each feed (by feed name), and the shopper's say. */
export interface BlockContext {
  keeper: ReadonlyMap<string, Readonly<Record<ListName, ListAction>>>;
  prefs: BlockPreferences;
  personal: readonly PersonalEntry[];
  /**
   * Feeds (by name) not checked within their stale-after days: their entries never block, they only
   * mark. A list nobody keeps current may have dropped an entry since, and a wrong block is the worst
   * false alarm there is.
   */
  stale?: ReadonlySet<string>;
}

/**
 * What a list's entries do here: the shopper's choice, else the keeper's. A feed the context does not
 * know (a registry answer the shopper brought back, which has no feed) follows the defaults.
 */
export function actionOf(ctx: BlockContext, feed: string, list: ListName): ListAction {
  const action = effectiveAction(list, (ctx.keeper.get(feed) ?? DEFAULT_LIST_ACTIONS)[list], ctx.prefs);
  return action === 'block' && ctx.stale?.has(feed) ? 'mark' : action;
}

/**
 * The shopper's own lists for a page: a "warn" entry with blocking chosen blocks; a "trust" entry
 * that is the most specific for the page lifts every block (the shopper said so, by name).
 */
function personalVerdict(url: string, ids: readonly Pick<Identifier, 'kind' | 'value'>[], ctx: BlockContext): { trusted: boolean; reasons: BlockReason[] } {
  const decision = matchPersonalLists(url, ids, ctx.personal);
  if (decision.action === 'trust') return { trusted: true, reasons: [] };
  const entry = decision.decidedBy?.entry;
  if (!entry || entry.action !== 'warn' || !entry.block) return { trusted: false, reasons: [] };
  const pattern = entry.target.type === 'domain' ? entry.target.pattern : `${entry.target.kind} ${entry.target.value}`;
  return { trusted: false, reasons: [{ source: 'personal', pattern, note: entry.note, addedAt: entry.addedAt }] };
}

/**
 * Why a navigation to `url` is blocked, from the lists' hits on its domain and parent domains
 * (looked up on the device) and the shopper's own lists; empty when it is not.
 */
export function navigationReasons(url: string, matches: readonly ListMatch[], ctx: BlockContext): BlockReason[] {
  const personal = personalVerdict(url, [], ctx);
  if (personal.trusted) return [];
  const listed = matches
    .filter((m) => m.kind === 'domain' && actionOf(ctx, m.feed, m.list) === 'block')
    .map((m): BlockReason => ({ source: 'list', list: m.list, kind: m.kind, value: m.value, feed: m.feed, record: m.record }));
  return [...personal.reasons, ...listed];
}

/** The list of a finding of the list rules, or null for findings of other rules. */
function findingList(f: Pick<Finding, 'code' | 'params'>): ListName | null {
  if (f.code === 'abnormal-operation') return 'abnormal-operation';
  if (f.code !== 'blacklisted') return null;
  const list = f.params.listCode as ListName | undefined;
  return list && LIST_NAMES.includes(list) ? list : null;
}

/**
 * Why a scanned shop page is covered: the list findings of its verdict (what the shopper did not mark
 * as wrong) whose list's entries block, and the shopper's own lists for its numbers.
 */
export function coverReasons(
  page: { url: string; identifiers: readonly Pick<Identifier, 'kind' | 'value'>[]; findings: readonly Pick<Finding, 'code' | 'params'>[] },
  ctx: BlockContext,
): BlockReason[] {
  const personal = personalVerdict(page.url, page.identifiers, ctx);
  if (personal.trusted) return [];
  const listed: BlockReason[] = [];
  for (const f of page.findings) {
    const list = findingList(f);
    const p = f.params;
    if (!list || !p.value || actionOf(ctx, p.feed ?? '', list) !== 'block') continue;
    const known = (s: string | undefined) => (s && s !== '?' ? s : '');
    listed.push({
      source: 'list',
      list,
      kind: (p.kind as KeyType | undefined) ?? 'uscc',
      value: p.value,
      feed: p.feed ?? '',
      record: { reason: p.reason ?? '', authority: known(p.authority), listedOn: known(p.date), sourceUrl: known(p.source), name: p.name ?? '' },
    });
  }
  return [...personal.reasons, ...listed];
}
