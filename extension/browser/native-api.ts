/**
 * The one typed seam to the browser's extension APIs besides webextension-polyfill, which the
 * background and the extension pages use wherever it serves. This module covers the rest:
 * - the content script's two calls, straight from the browser (the content script runs on every
 *   page, so it does without the polyfill: 30 KB to compile and a Proxy to set up on each load);
 *   Firefox's `browser` and Chrome's MV3 `chrome` both return promises from runtime.sendMessage;
 * - what the polyfill does not wrap: Chrome's offscreen documents and runtime.getContexts.
 */
export interface NativeApi {
  runtime: {
    /** Unset once the extension was reloaded, updated or removed under a content script. */
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    /** Chrome 116+: the extension's open contexts (used to find the offscreen document). */
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    /** What the extension tells a content script's tab (tabs.sendMessage): commands, notices. */
    onMessage: { addListener(listener: (message: unknown) => void): void; removeListener(listener: (message: unknown) => void): void };
  };
  i18n: { getMessage(key: string): string };
  /** Chrome only: offscreen documents (https://developer.chrome.com/docs/extensions/reference/api/offscreen). */
  offscreen?: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
}

/** The browser's extension namespace (`browser` where it exists, else `chrome`). */
export function nativeApi(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('no extension runtime here');
  return api;
}

/** Chrome's namespace, for what only Chrome has (offscreen documents). */
export function chromeApi(): NativeApi | null {
  const g = globalThis as { chrome?: NativeApi };
  return g.chrome?.runtime ? g.chrome : null;
}

/** False once the extension was reloaded, updated or removed under this page. */
export function extensionAlive(): boolean {
  try {
    return Boolean(nativeApi().runtime.id);
  } catch {
    return false;
  }
}
