import browser from 'webextension-polyfill';
import { BLOCK_PAGE_PATH, blockPageUrl } from '../../src/blocking/block-page-url';
import { allowRules, browserLimits, buildBlockRules, rulesDigest, type BrowserLimits, type DnrRule } from '../../src/blocking/block-rules';
import { blockingDomainFiles, domainSources } from '../../src/blocking/domain-sources';
import { personalLeavesToCheck, personalRules } from '../../src/blocking/personal-rules';
import type { ListsDb } from '../../src/lists/lists-db';
import type { PersonalEntry } from '../../src/personal-lists/personal-entry';
import type { BlockingStatus } from '../protocol/block-messages';
import type { BlockingStore } from './blocking-store';
import { CoalescedRun } from './coalesced-run';
import { setGuard } from './guard-registration';

const STATUS_KEY = 'blockRulesStatus';
const fetchBound: typeof fetch = (input, init) => fetch(input, init);

/** The browser's rule limits, from its own constants (Firefox and Chromium name them differently). */
function limits(): BrowserLimits {
  const dnr = browser.declarativeNetRequest as unknown as Record<string, number | undefined>;
  const firefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  return browserLimits(dnr, firefox ? 'firefox' : 'chromium');
}

/**
 * Keeps the browser's declarativeNetRequest rules in step with the lists: dynamic redirect rules
 * for the blocking lists' domains (within the browser's limits: block-rules.ts) and the shopper's
 * own blocked and trusted domains, exact hosts too, ranked as their lists decide (personal-rules.ts),
 * rebuilt after a sync or a change of the shopper's choices, and a session allow rule for the sites
 * they continued to. One rebuild at a time; a request during one runs once more after it.
 */
export class BlockRulesService {
  private readonly rebuilds = new CoalescedRun(() => this.rebuildOnce().catch((e: unknown) => console.warn('[liangzhao] block rules:', e)));

  constructor(
    private readonly db: ListsDb,
    private readonly store: BlockingStore,
    private readonly personal: () => Promise<PersonalEntry[]>,
    /** The storage.local key of the personal lists: a change there may add or remove blocked domains. */
    personalKey: string,
  ) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && personalKey in changes) void this.rebuild();
    });
  }

  rebuild(): Promise<void> {
    return this.rebuilds.run();
  }

  private async rebuildOnce(): Promise<void> {
    const started = performance.now();
    const [files, personal] = await Promise.all([blockingDomainFiles(this.db, this.store.prefs(), { fetch: fetchBound }), this.personal()]);
    const max = limits();
    const prefix = blockPageUrl(browser.runtime.getURL(BLOCK_PAGE_PATH), '', 'rule');
    const built = buildBlockRules(domainSources(files.lists), max, prefix);
    const rules = [...built.rules, ...personalRules(personal, prefix, built.rules.length + 1)];
    const digest = rulesDigest(rules);
    const problems = [...files.problems];
    const previous = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as (BlockingStatus & { digest?: string }) | undefined;
    const current = await browser.declarativeNetRequest.getDynamicRules();
    let rebuildMs = previous?.rebuildMs ?? null;
    if (previous?.digest !== digest || current.length !== rules.length) {
      try {
        await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: current.map((r) => r.id), addRules: rules as DnrRule[] as never });
      } catch (error) {
        problems.push(`the browser refused the rules: ${error instanceof Error ? error.message : String(error)}`);
      }
      rebuildMs = Math.round(performance.now() - started);
    }
    const overflow = Object.values(built.overflow).reduce((a, b) => a + b, 0);
    // What only the document_start lookup can stop; with nothing here, no guard runs on any page.
    const guard = [
      ...files.unheld.map((l) => `${l}: no domain file`),
      ...(overflow ? [`${overflow} domains over the browser's budget`] : []),
      ...(problems.length ? ['a domain file or the rules are missing'] : []),
      ...(personalLeavesToCheck(personal) ? ["the shopper's own entries"] : []),
    ];
    try {
      await setGuard(guard.length > 0);
    } catch (error) {
      problems.push(`the guard script: ${error instanceof Error ? error.message : String(error)}`);
    }
    const status: BlockingStatus & { digest: string } = {
      rules: rules.length,
      domains: built.domains + rules.length - built.rules.length,
      overflow,
      guard,
      maxDomains: max.maxDomains,
      rebuiltAt: Date.now(),
      rebuildMs,
      problems,
      digest,
    };
    await browser.storage.local.set({ [STATUS_KEY]: status });
  }

  async status(): Promise<BlockingStatus> {
    await this.rebuilds.settled();
    const stored = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as (BlockingStatus & { digest?: string }) | undefined;
    if (!stored) return { rules: 0, domains: 0, overflow: 0, guard: [], maxDomains: limits().maxDomains, rebuiltAt: null, rebuildMs: null, problems: [] };
    const { digest: _digest, ...status } = stored;
    // A status written by a version before the guard was optional says nothing of it.
    return { ...status, guard: status.guard ?? [] };
  }

  /** The session allow rule: exactly the sites let through now (session rules end with the browser session). */
  async allowSites(sites: readonly string[]): Promise<void> {
    const current = await browser.declarativeNetRequest.getSessionRules();
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: current.map((r) => r.id), addRules: allowRules(sites) as never });
  }
}
