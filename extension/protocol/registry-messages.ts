/**
 * Messages of assisted lookup (the official registries' answers brought back to the shop tab) and of
 * the recommended lists, merged into the one protocol map (messages.ts), validated by REGISTRY_PAYLOADS.
 */
import type { RegistryReading } from '../../src/feed/registry-answer';
import type { StoredAnswer } from '../../src/registries/answers-db';
import type { IdentifierKind } from '../../src/types';
import type { FeedSyncStatus } from '../../src/lists/lists-status';
import type { DefaultReportEndpoint, RecommendedFeed } from '../../src/lists/recommended-feeds';

/** A recommended list with its state here: not subscribed (null), or its sync status. */
export interface RecommendedFeedState extends RecommendedFeed {
  status: FeedSyncStatus | null;
}

/** The notice the worker sends a shop tab's content script: an answer for it came in, check again. */
export interface RegistryNotice {
  notice: 'registryAnswered';
}

export const isRegistryNotice = (m: unknown): m is RegistryNotice => !!m && typeof m === 'object' && (m as { notice?: unknown }).notice === 'registryAnswered';

export interface RegistryProtocol {
  /**
   * "到官方网站核实": opens the registry's page for a value the shop tab shows (the URL is the
   * extension's own, from src/ui-model/lookups.ts, never the caller's) and remembers which shop tab
   * asked. From the panel (the tab is the caller's) or the popup (it names the tab).
   */
  openRegistryLookup: {
    payload: { tabId: number | null; kind: IdentifierKind; value: string; site: string };
    response: { opened: boolean; tracked: boolean };
  };
  /** A registry tab's reading of its result page (extension/registry/), from the registry hosts only. */
  submitRegistryReading: {
    payload: { url: string; reading: RegistryReading };
    response: { accepted: boolean; reason: string | null };
  };
  /** "What data the extension keeps": the registry answers. */
  getRegistryAnswers: { payload: Record<string, never>; response: StoredAnswer[] };
  /** Forgets some registry answers (ids) or all (null); answers with what is left. */
  forgetRegistryAnswers: { payload: { ids: string[] | null }; response: StoredAnswer[] };
  /** The first-run page: the distributor's recommended lists, each with its status here. */
  getRecommendedFeeds: {
    payload: Record<string, never>;
    response: { feeds: RecommendedFeedState[]; reportEndpoint: DefaultReportEndpoint | null; problems: string[] };
  };
}
