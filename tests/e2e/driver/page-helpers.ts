import type { MessageType, Payload, Reply } from '../../../extension/protocol/messages';

/**
 * Functions both drivers run inside a page (they are serialized: no closures over test code).
 */

/** innerText of the first match of a selector ('' when none). */
export const textOf = (selector: string) => (document.querySelector(selector) as HTMLElement | null)?.innerText ?? '';
/** innerText of every match of a selector. */
export const textsOf = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector), (e) => e.innerText);
export const countOf = (selector: string) => document.querySelectorAll(selector).length;
export const valueOf = (selector: string) => (document.querySelector(selector) as HTMLInputElement | null)?.value ?? '';
export const checkedOf = (selector: string) => (document.querySelector(selector) as HTMLInputElement | null)?.checked ?? false;
export const attributeOf = ([selector, name]: [string, string]) => document.querySelector(selector)?.getAttribute(name) ?? null;

/** The extension namespace of an extension page: Firefox's `browser`, Chrome's `chrome`. */
interface ExtensionApi {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
}

/** Sends a protocol message from an extension page, as its UI does. */
export function sendFromPage<K extends MessageType>([type, payload]: [K, Payload<K>]): Promise<Reply<K>> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (g.browser ?? g.chrome)!.runtime.sendMessage({ type, payload }) as Promise<Reply<K>>;
}

/** The id of the active tab of the last focused window, asked from an extension page. */
export async function activeTabId(): Promise<number | null> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const [tab] = await (g.browser ?? g.chrome)!.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}
