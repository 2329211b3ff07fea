import type { MessageType, Payload, Reply, Request, Response, StoredDataSummary, TabVerdict } from '../../../extension/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/ui-model/settings';
import type { Allowance } from '../../../src/blocking/allowances';
import { DEFAULT_BLOCK_PREFERENCES, normalizeBlockPreferences, type BlockPreferences } from '../../../src/blocking/block-preferences';
import { DEFAULT_LIST_ACTIONS } from '../../../src/feed/list-meta';
import { LIST_NAMES } from '../../../src/feed/format';

type Handler<K extends MessageType> = (payload: Payload<K>) => Response<K> | Promise<Response<K>>;
type Handlers = { [K in MessageType]?: Handler<K> };

/** One message a surface sent, as the fake service worker received it. */
export interface Call<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

/**
 * The service worker, faked at the message boundary: the surfaces under test are the real bundles
 * with the real `send()` (extension/protocol/send.ts) and a fake `runtime.sendMessage` that lands
 * here. It keeps settings, dismissed sites, endpoints and tab verdicts the way the worker does (so a
 * saved language comes back), answers the rest from `on()` handlers, refuses what it was not told
 * about, and records every call.
 */
export class FakeWorker {
  readonly calls: Call[] = [];
  settings: Settings = { ...DEFAULT_SETTINGS, language: 'zh-CN' };
  dismissed: string[] = [];
  endpoints: string[] = [];
  verdicts = new Map<number, TabVerdict>();
  blockPrefs: BlockPreferences = DEFAULT_BLOCK_PREFERENCES;
  continued: Allowance[] = [];
  private readonly handlers: Handlers = {
    getSettings: () => this.settings,
    saveSettings: ({ settings }) => (this.settings = settings),
    getStoredDataSummary: () => this.summary(),
    clearStoredData: () => {
      this.settings = { ...DEFAULT_SETTINGS };
      this.dismissed = [];
      this.verdicts.clear();
      return this.summary();
    },
    getTabVerdict: ({ tabId }) => this.verdicts.get(tabId) ?? null,
    leavePage: () => ({ left: true }),
    setPanelSide: ({ side }) => {
      this.settings = { ...this.settings, panelSide: side };
      return { side };
    },
    dismissSite: ({ host }) => ({ dismissed: (this.dismissed = [...new Set([...this.dismissed, host])]) }),
    undismissSite: ({ host }) => ({ dismissed: (this.dismissed = this.dismissed.filter((h) => h !== host)) }),
    getReportEndpoints: () => ({ endpoints: this.endpoints, recipients: [] }),
    saveReportEndpoints: ({ endpoints }) => ({ endpoints: (this.endpoints = endpoints) }),
    getSyncStatus: () => [],
    getRecommendedFeeds: () => ({ feeds: [], reportEndpoint: null, problems: [] }),
    getRegistryAnswers: () => [],
    // Blocking, kept as the worker keeps it: the shopper's choices over the default keepers' actions.
    getBlockPreferences: () => this.blockView(),
    saveBlockPreferences: ({ prefs }) => ((this.blockPrefs = normalizeBlockPreferences(prefs)), this.blockView()),
    getBlockingStatus: () => ({ rules: 1, domains: 2, overflow: 0, guard: [], maxDomains: 150_000, rebuiltAt: 1, rebuildMs: 3, problems: [] }),
    getContinuedSites: () => this.continued,
    forgetContinuedSites: ({ sites }) => (this.continued = sites === null ? [] : this.continued.filter((a) => !sites.includes(a.site))),
    getPersonalLists: () => ({ entries: [] }),
    listSuppressions: () => ({ suppressions: [] }),
    openReportPage: () => ({ opened: true }),
    loadReportDraft: () => null,
    saveReportDraft: () => ({ saved: true }),
    deleteReportDraft: () => ({ deleted: true }),
  };

  /** Answers `type` with `handler` from now on. */
  on<K extends MessageType>(type: K, handler: Handler<K>): this {
    (this.handlers as Record<K, Handler<K>>)[type] = handler;
    return this;
  }

  /** The calls of one message type, in order. */
  sent<K extends MessageType>(type: K): Payload<K>[] {
    return this.calls.filter((c): c is Call<K> => c.type === type).map((c) => c.payload);
  }

  summary(): StoredDataSummary {
    return {
      settingsSaved: true,
      allowlist: this.settings.allowlist.length,
      dismissedSites: this.dismissed,
      tabVerdicts: this.verdicts.size,
      hiddenWarnings: 0,
      personalEntries: 0,
      reports: { waiting: 0, kept: 0, done: 0, drafts: 0 },
      listEntries: 0,
      registryAnswers: 0,
      continuedSites: this.continued.length,
    };
  }

  private blockView() {
    const keeper = Object.fromEntries(LIST_NAMES.map((l) => [l, [DEFAULT_LIST_ACTIONS[l]]])) as Record<(typeof LIST_NAMES)[number], ('block' | 'mark' | 'inform')[]>;
    return { prefs: this.blockPrefs, keeper };
  }

  /** What runtime.sendMessage answers, as the router would: `{ ok, value }` or `{ ok: false, error }`. */
  async receive(request: Request): Promise<Reply> {
    this.calls.push({ type: request.type, payload: request.payload });
    const handler = this.handlers[request.type] as Handler<MessageType> | undefined;
    if (!handler) return { ok: false, error: `the fake worker has no answer for ${request.type}` };
    try {
      return { ok: true, value: await handler(request.payload) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
