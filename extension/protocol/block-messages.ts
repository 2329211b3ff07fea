/**
 * Messages of blocking and search-result marks (issue 16), merged into the one protocol map
 * (messages.ts), validated by BLOCK_PAYLOADS.
 */
import type { Allowance } from '../../src/blocking/allowances';
import type { BlockedVia } from '../../src/blocking/block-page-url';
import type { BlockPreferences } from '../../src/blocking/block-preferences';
import type { BlockReason } from '../../src/blocking/block-reasons';
import type { TargetMark } from '../../src/blocking/search-marks';
import type { ListAction, ListName } from '../../src/feed/format';
import type { Lang } from '../../src/i18n/lang';

/** What the block page shows. */
export interface BlockExplanation {
  /** The page that was stopped. */
  url: string;
  site: string | null;
  lang: Lang;
  /** Why; empty when nothing blocks it (any more): the page then does nothing (it opens and allows nothing). */
  reasons: BlockReason[];
  /** Some list reason has no details on this device (a list too large to keep them): they can be asked for. */
  detailsMissing: boolean;
}

/** The preferences with what the subscribed lists' keepers say, for the options page. */
export interface BlockPreferencesView {
  prefs: BlockPreferences;
  /** Per list kind, the actions the subscribed feeds' keepers chose (the defaults when none is subscribed). */
  keeper: Record<ListName, ListAction[]>;
}

/** How the browser's rules stand, for the options page and the benchmark. */
export interface BlockingStatus {
  /** Redirect rules in the browser, and the domains they hold. */
  rules: number;
  domains: number;
  /** Domains of blocking lists left to the document_start check (over the browser budget). */
  overflow: number;
  /**
   * Why the document_start guard is registered (guard-registration.ts): what only its lookup can
   * stop. Empty: the browser's rules decide every navigation and no script runs at document_start.
   */
  guard: string[];
  /** The browser's budget of domains (block-rules.ts DOMAIN_BUDGET, within its rule limits). */
  maxDomains: number;
  /** When the rules were last rebuilt, and how long handing them to the browser took (ms). */
  rebuiltAt: number | null;
  rebuildMs: number | null;
  /** Domain files that could not be had, and rules the browser refused. */
  problems: string[];
}

/** The notice the worker sends a shop tab's guard script: its scan found a licence on a blocking list. */
export interface CoverNotice {
  notice: 'coverPage';
  /** The page to cover (the guard covers only if it is still the tab's page). */
  url: string;
}

export const isCoverNotice = (m: unknown): m is CoverNotice =>
  !!m && typeof m === 'object' && (m as { notice?: unknown }).notice === 'coverPage' && typeof (m as { url?: unknown }).url === 'string';

/** A search page sends its results in batches; a page of hundreds of results sends several. */
export const MAX_MARK_BATCH = 200;

export interface BlockProtocol {
  /** The guard script at document_start: is this page's site blocked? (Looked up on the device.) */
  checkNavigation: { payload: { url: string }; response: { block: boolean } };
  /** The search-marks script: the marks for a batch of result targets (URLs), in order. */
  markSearchResults: { payload: { urls: string[] }; response: { marks: (TargetMark | null)[] } };
  /** The block page: why `url` is blocked; `fetchDetails` asks the list server for missing details. */
  explainBlock: { payload: { url: string; via: BlockedVia; fetchDetails: boolean }; response: BlockExplanation };
  /**
   * "仍要访问": lets the site through for this browser session (and these list versions); answers
   * with the site allowed. Refused for a URL that nothing blocks now (no list, and no cover of the
   * caller's tab for it): the block page is never a way to open or allow an arbitrary address.
   */
  continueToSite: { payload: { url: string }; response: { site: string | null } };
  /** "返回上一页" with nothing to go back to: closes the block page's tab. */
  closeBlockedTab: { payload: Record<string, never>; response: { closed: boolean } };
  getBlockPreferences: { payload: Record<string, never>; response: BlockPreferencesView };
  saveBlockPreferences: { payload: { prefs: BlockPreferences }; response: BlockPreferencesView };
  /** "What data the extension keeps": the sites the shopper continued to in this session. */
  getContinuedSites: { payload: Record<string, never>; response: Allowance[] };
  /** Forgets some continued sites, or all (null); answers with what is left. */
  forgetContinuedSites: { payload: { sites: string[] | null }; response: Allowance[] };
  getBlockingStatus: { payload: Record<string, never>; response: BlockingStatus };
}
