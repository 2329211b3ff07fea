/**
 * The one protocol map: every message the extension's parts exchange, each `{ payload; response }`.
 * Send only through `send()` (send.ts); the service worker's router validates sender and payload.
 */
import type { Lang } from '../../src/i18n/lang';
import type { FeedSyncStatus } from '../../src/lists/lists-status';
import type { Locator, PageSnapshot, PictureCandidate, SnapshotPart, SnapshotScan } from '../../src/scan/locator';
import type { PictureFacts, ScanResult } from '../../src/types';
import type { UserRulesView } from '../../src/verdict/user-rules';
import type { Settings } from '../../src/ui-model/settings';
import type { ReportsProtocol } from './report-messages';
import type { RegistryProtocol } from './registry-messages';
import type { BlockProtocol } from './block-messages';

/** What a tab's content script last reported, as the popup and the toolbar badge see it. */
export interface TabVerdict {
  url: string;
  /** The scan, or null when the site is allowlisted (not scanned at all). */
  result: ScanResult | null;
  /** The allowlist pattern that matched, when the site is allowlisted. */
  allowlisted: string | null;
  reportedAt: number;
  /** What the user's own rules did (hidden warnings, personal warn/trust); absent when none applied. */
  user?: UserRulesView;
  /**
   * Licence pictures of the page are being read (the verdict is the page's own until they are): the
   * popup and the toolbar title say so. Absent when nothing is being read.
   */
  reading?: PicturesReading;
}

/** Pictures being read for a tab: how many (the ones not read yet). */
export interface PicturesReading {
  pictures: number;
}

/** What the content script needs to know before it shows anything on a page. */
export interface PageConfig {
  /**
   * Only the settings a page's drawing needs: the rest (the sites not checked, above all) stays out
   * of every page's renderer.
   */
  settings: Pick<Settings, 'quietPill' | 'panelSide'>;
  lang: Lang;
  /** The user dismissed the panel on this host. */
  dismissed: boolean;
  allowlisted: string | null;
}

/** What the options page lists under "what data the extension keeps". */
/** What the extension keeps on this device, for the options page ("what data the extension keeps"). */
export interface StoredDataSummary {
  settingsSaved: boolean;
  allowlist: number;
  dismissedSites: string[];
  tabVerdicts: number;
  hiddenWarnings: number;
  personalEntries: number;
  reports: { waiting: number; kept: number; done: number; drafts: number };
  /** Entries of the subscribed public lists (not about the user; kept when data is cleared). */
  listEntries: number;
  /** Answers brought back from the official registries (the user's own lookups). */
  registryAnswers: number;
  /** Sites the shopper continued to past the block page, this session. */
  continuedSites: number;
}

export type Empty = Record<string, never>;

/**
 * A picture's bytes as the content script got them (base64; runtime messages carry JSON), or why it
 * could not get them. `crop` cuts the picture out of a screenshot of the tab (the right-click path,
 * when the page's server forbids reading the picture itself), in the screenshot's pixels.
 */
export interface PictureInput {
  src: string;
  data: string | null;
  crop: { x: number; y: number; width: number; height: number } | null;
  /** The picture element's locator (PictureCandidate.ref), or null for a picture the user picked. */
  ref: number | null;
  error: string | null;
}

/** Base64 characters one picture may carry (about 9 MB of picture). */
export const MAX_PICTURE_CHARS = 12_000_000;
/** Pictures one check may carry. */
export const MAX_PICTURES = 3;

/** How far the picture reader is: the first model load takes seconds, and the panel says so. */
export interface PictureEngineStatus {
  phase: 'cold' | 'loading' | 'ready' | 'failed';
  /**
   * 0..1 through the first load: the model files' bytes fetched (of their total) for the first half,
   * then the models set up one by one.
   */
  progress: number;
}

/**
 * Characters of page text one message may carry (checkPage inline, or one uploadPiece): about 15 ms
 * for the page's main thread to serialize on a slow machine.
 */
export const MAX_PIECE_CHARS = 1_000_000;
/** Characters a whole page snapshot may carry, and the parts (documents, shadow roots) it may have. */
export const MAX_SNAPSHOT_CHARS = 16_000_000;
export const MAX_SNAPSHOT_PARTS = 256;

export interface Protocol extends ReportsProtocol, RegistryProtocol, BlockProtocol {
  // Content-script messages (see CONTENT_MESSAGES).
  getPageConfig: { payload: { host: string }; response: PageConfig };
  /**
   * The UI strings of `lang` (UiStrings.get), asked by a content script only when it has something
   * to draw: a quiet page never receives (and parses) the ~30 KB of them.
   */
  getPageStrings: { payload: { lang: Lang }; response: { strings: Record<string, string> } };
  /**
   * The page read by the content script (src/scan/snapshot): scanned by the engine in an extension
   * document, checked against the lists, the user's rules applied, stored as the tab's verdict.
   * `locators` point each evidence ref of `result` back into the page.
   */
  checkPage: {
    /**
     * `upload`: the parts' text came in pieces (uploadPiece) under this id; here they are empty.
     * `pictures`: licence pictures the content script fetched (the answer's `pictures` named them,
     * or the user picked one): read in the extension's document and judged with the page.
     */
    payload: { url: string; parts: SnapshotPart[]; truncated: boolean; upload: string | null; pictures?: PictureInput[] };
    response: {
      stored: boolean;
      /** The verdict as the user sees it: page rules, data findings, then their own rules. */
      result: ScanResult | null;
      locators: (Locator | null)[];
      /** What the user's own rules did (hidden warnings, personal warn/trust). */
      user?: UserRulesView;
      /** The panel opens by itself (the level and the options say so, and no trust overrides it). */
      autoExpand: boolean;
      /** Pictures the page shows as licences, to fetch and send back for reading. */
      pictures?: PictureCandidate[];
    };
  };
  /** How far the picture reader's first model load is (the panel's progress while it reads). */
  getPictureStatus: { payload: Empty; response: PictureEngineStatus };
  /**
   * A screenshot of the tab, to cut a picture the user right-clicked out of it when the page's server
   * forbids reading the picture itself (the context-menu click grants activeTab for this).
   */
  capturePicture: { payload: Empty; response: { dataUrl: string | null; reason: string | null } };
  /** A piece of a large snapshot's text (see extension/background/snapshot-uploads.ts). */
  uploadPiece: {
    payload: { upload: string; part: number; field: 'head' | 'body' | 'html'; text: string };
    response: { received: number };
  };
  /** The page is on the user's allowlist: nothing was read, and the tab's verdict says so. */
  reportVerdict: { payload: { url: string; allowlisted: string }; response: { stored: boolean } };
  dismissSite: { payload: { host: string }; response: { dismissed: string[] } };
  /** The shopper took the danger panel's safe way out: back, or away when there is no back. */
  leavePage: { payload: Empty; response: { left: boolean } };
  /** The shopper docked the panel to a side (remembered for every site). */
  setPanelSide: { payload: { side: 'left' | 'right' }; response: { side: 'left' | 'right' } };
  /**
   * The page keeps drawing over our panel in the top layer (extension/panel/cover-guard.ts), or has
   * stopped: the toolbar badge, which no page can cover, pulses an alert meanwhile.
   */
  panelCovered: { payload: { covered: boolean }; response: { pulsing: boolean } };
  // Extension pages only (undismissSite also from a content script, for its own page's host).
  getTabVerdict: { payload: { tabId: number }; response: TabVerdict | null };
  getSettings: { payload: Empty; response: Settings };
  saveSettings: { payload: { settings: Settings }; response: Settings };
  undismissSite: { payload: { host: string }; response: { dismissed: string[] } };
  getStoredDataSummary: { payload: Empty; response: StoredDataSummary };
  clearStoredData: { payload: Empty; response: StoredDataSummary };
  // Lists (signed feeds), extension pages only: see extension/background/lists-service.ts.
  getSyncStatus: { payload: Empty; response: FeedSyncStatus[] };
  subscribeFeed: { payload: { url: string; publicKey: string; staleAfterDays?: number }; response: FeedSyncStatus[] };
  unsubscribeFeed: { payload: { id: string }; response: FeedSyncStatus[] };
  /** Starts a sync of one feed (or all) and answers at once; progress is read with getSyncStatus. */
  syncFeeds: { payload: { id?: string }; response: { started: string[] } };
  // The engine (see ENGINE_MESSAGES).
  /**
   * Scan a page's snapshot (src/scan/snapshot.ts): sent by the service worker to Chrome's offscreen
   * document, which has the DOMParser a service worker lacks. Facts and locators, no verdict.
   */
  scanSnapshot: { payload: { url: string; snapshot: PageSnapshot }; response: SnapshotScan };
  /** Read pictures as licences (src/image/): OCR and QR codes, in the engine's document. */
  readPictures: { payload: { pictures: PictureInput[] }; response: { pictures: PictureFacts[] } };
  /** The engine document's picture reader status (for getPictureStatus). */
  pictureEngineStatus: { payload: Empty; response: PictureEngineStatus };
}

export type MessageType = keyof Protocol;
export type Payload<K extends MessageType> = Protocol[K]['payload'];
export type Response<K extends MessageType> = Protocol[K]['response'];

/**
 * Messages the engine's document answers (Chrome's offscreen document), not the service worker's
 * router; only the extension itself may send them, never a content script.
 */
export const ENGINE_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['scanSnapshot', 'readPictures', 'pictureEngineStatus']);

/** The only messages a content script may send; everything else needs an extension page. */
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'getPageConfig',
  'getPageStrings',
  'checkPage',
  'uploadPiece',
  'reportVerdict',
  'dismissSite',
  // "已隐藏 · 撤销" on the page: the handler allows a content script its own page's host only.
  'undismissSite',
  'leavePage',
  'setPanelSide',
  'panelCovered',
  'openReportPage',
  'openRegistryLookup',
  'submitRegistryReading',
  'checkNavigation',
  'markSearchResults',
  'getPictureStatus',
  'capturePicture',
]);

/** What the extension tells a tab's content script (tabs.sendMessage); never a page's to send. */
export type TabCommand = { lzCommand: 'openPanel' };

export const isTabCommand = (m: unknown): m is TabCommand => !!m && typeof m === 'object' && (m as { lzCommand?: unknown }).lzCommand === 'openPanel';

/** The background's notice to a tab: the user asked to read this picture (the context-menu item). */
export interface ReadPictureNotice {
  notice: 'readPicture';
  srcUrl: string;
}
export const isReadPictureNotice = (m: unknown): m is ReadPictureNotice =>
  !!m && typeof m === 'object' && (m as { notice?: unknown }).notice === 'readPicture' && typeof (m as { srcUrl?: unknown }).srcUrl === 'string';

/** The wire format: a request names its type; a reply says ok or carries an error message. */
export interface Request<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
export type Reply<K extends MessageType = MessageType> = { ok: true; value: Response<K> } | { ok: false; error: string };
