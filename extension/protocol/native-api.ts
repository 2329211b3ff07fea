/**
 * The two extension APIs the content script needs, straight from the browser: Firefox's `browser`
 * and Chrome's MV3 `chrome` both return promises from runtime.sendMessage. The content script runs
 * on every page, so it does without webextension-polyfill (30 KB to compile and a Proxy to set up on
 * each page load).
 */
export interface NativeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  i18n: { getMessage(key: string): string };
}

/** The browser's extension namespace (`browser` where it exists, else `chrome`). */
export function nativeApi(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = g.browser?.runtime ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('no extension runtime here');
  return api;
}
