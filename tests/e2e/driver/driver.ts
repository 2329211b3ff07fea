import type { MessageType, Payload, Reply } from '../../../extension/protocol/messages';
import type { ToolbarView } from './toolbar';

/**
 * One e2e driver, two browsers: each scenario is written once against these interfaces and runs in
 * Debian's Chromium (chromium-driver.ts: playwright-core, the extension loaded at launch) and Firefox
 * ESR (firefox-driver.ts: puppeteer-core over WebDriver BiDi, the extension installed as a temporary
 * add-on, or in a kept profile as an XPI). A scenario sees what a user sees: the page, our panel on
 * it, the toolbar popup and badge, the extension's own pages and the tabs it opens. Nothing here
 * reads the extension's storage.
 */
export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** One element inside our panel, with its ancestors' attributes (nearest first), for finding buttons. */
export interface PanelElement {
  attrs: Record<string, string>;
  ancestors: Record<string, string>[];
  /** What the driver clicks it by (a CDP backend node id, a BiDi shared id). */
  readonly handle: number | string;
}

/** Our panel as read from outside the page, closed shadow root included (the page cannot do this). */
export interface PanelView {
  /** The host's tag: a random custom-element name. */
  tag: string;
  shadowMode: string | undefined;
  level: string | null;
  expanded: boolean;
  /** `data-code` of each finding card shown. */
  findingCodes: string[];
  /** `data-status` of each data-status note (lists missing, stale, not checked). */
  statusCodes: string[];
  text: string;
  /** The host's inline style attribute. */
  hostStyle: string | null;
  elements: PanelElement[];
}

/** A rectangle on the screen. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A browser tab showing a shop page. */
export interface ShopTab {
  goto(url: string, options?: { timeoutMs?: number }): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs in the page's own world (what the page itself can see). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Clicks an element of the page (a CSS selector). */
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Our panel, or null when the page shows none. */
  panel(): Promise<PanelView | null>;
  /** Clicks the middle of an element of our panel, as a user's mouse would. */
  clickPanel(element: PanelElement): Promise<void>;
  /** Where an element of our panel is on the screen (CSS pixels of the viewport). */
  boxOf(element: PanelElement): Promise<Box>;
  /**
   * The markup of our panel's shadow tree, its stylesheet included (innerHTML of the closed root),
   * read from outside as `panel()` is, or null when the page shows none: for axe-core, which cannot
   * enter a closed root.
   */
  panelMarkup(): Promise<string | null>;
  /** The size of the tab's viewport, as a narrower window would have it. */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * What the browser's console showed for this tab since the driver took it (`type: text`): the
   * page's messages and our content scripts' (e.g. why a registry page's reading was not taken).
   */
  consoleMessages(): Promise<string[]>;
  /** The tab as the user sees it, brought to the front first. */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A tab showing one of the extension's own pages (options, popup, report form, my reports). */
export interface ExtensionPage {
  /** Navigates to a page of the extension by its path in the build (`extension/options/options.html`). */
  open(path: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a script's source in the page as the browser's devtools would (the page's CSP, which
   * forbids eval, does not apply): a test library such as axe-core.
   */
  evaluateScript(source: string): Promise<void>;
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Waits until `selector` matches (or, with `gone`, until it matches nothing). */
  waitFor(selector: string, options?: { timeoutMs?: number; gone?: boolean }): Promise<void>;
  /** innerText of the first match ('' when none). */
  text(selector: string): Promise<string>;
  /** innerText of every match, in document order (the rows of a list). */
  texts(selector: string): Promise<string[]>;
  count(selector: string): Promise<number>;
  value(selector: string): Promise<string>;
  checked(selector: string): Promise<boolean>;
  attribute(selector: string, name: string): Promise<string | null>;
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  press(selector: string, key: string): Promise<void>;
  /** Sends a message to the extension's background as its own pages do (runtime.sendMessage). */
  send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Reply<K>>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * A profile directory to keep (relaunching the same browser: a restart); a throwaway one
   * otherwise. Firefox then installs the extension into the profile as an XPI, as a user's stays
   * installed: a temporary add-on is removed, with its IndexedDB, when Firefox quits.
   */
  profile?: string;
  /** Firefox: HOME of the browser process (managed storage lives under it). */
  home?: string;
  /** A build to load instead of dist/<browser> (e.g. a copy with its recommended-feeds.json edited: DIST). */
  dist?: string;
  /** Real host names served from this machine (harness/registry-hosts.ts). */
  hosts?: HostMapping;
}

/**
 * Host names sent to servers on 127.0.0.1, and a test certificate the browser is told to accept for
 * the https ones (Chromium: --host-resolver-rules and --ignore-certificate-errors; Firefox: a proxy
 * and acceptInsecureCerts; host-mapping.ts). This changes what the browser trusts, never what the
 * extension accepts: it still reads only https pages of the exact registry hosts.
 */
export interface HostMapping {
  https: { hosts: string[]; port: number };
  http: { hosts: string[]; port: number };
  /** A proxy that sends each of the names to its server (Firefox has no resolver rules). */
  proxyPort: number;
}

export interface ExtensionDriver {
  readonly name: BrowserName;
  /** The origin of the extension's pages (chrome-extension://ID, moz-extension://UUID). */
  readonly origin: string;
  /** A new tab, at `url` when given (loaded: the `load` event fired). */
  openTab(url?: string, options?: { timeoutMs?: number }): Promise<ShopTab>;
  /** A new tab showing `path` of the extension. */
  extensionPage(path: string): Promise<ExtensionPage>;
  /** Runs `action` and returns the extension page it makes the extension open (e.g. the report form). */
  expectExtensionPage(path: string, action: () => Promise<void>): Promise<ExtensionPage>;
  /** A page of the extension it opened by itself, not at a test's request (the first-run page at install), once loaded. */
  waitForExtensionPage(path: string, timeoutMs?: number): Promise<ExtensionPage>;
  /** Runs `action` and returns the web page tab it makes the extension open at `urlPrefix` (a registry's page). */
  expectTab(urlPrefix: string, action: () => Promise<void>): Promise<ShopTab>;
  /** The browser's id of a tab (the one the toolbar popup and badge are for). */
  tabId(tab: ShopTab): Promise<number>;
  /** The tab's toolbar button as the user sees it: its popup and badge (toolbar.ts). */
  toolbar(tab: ShopTab): Promise<ToolbarView>;
  /** Marks the start of a test: later artifacts cover only what follows. */
  beginTest(): Promise<void>;
  /** Ends a test; with a directory, saves screenshots, the console log and (Chromium) a trace there. */
  endTest(artifactsDir: string | null): Promise<void>;
  close(): Promise<void>;
}
