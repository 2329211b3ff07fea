import { CONTENT_MESSAGES, ENGINE_MESSAGES, type MessageType } from './messages';

/** The parts of runtime.MessageSender the router looks at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Who sent a message, as far as the router could establish it. */
export interface Caller {
  /** The tab a content script runs in (set for content-script messages). */
  tabId: number | null;
  /** Sent by one of the extension's own pages (popup, options). */
  privileged: boolean;
  url: string;
}

/** Decides what a sender may call: extension pages anything, content scripts only CONTENT_MESSAGES. */
export function authorize(type: MessageType, sender: Sender, ownId: string, ownOrigin: string): Caller | string {
  if (sender.id !== ownId) return 'not from this extension';
  const url = sender.url ?? '';
  // The engine's messages come from the service worker: an extension context outside any tab.
  if (ENGINE_MESSAGES.has(type)) return url.startsWith(ownOrigin) && !sender.tab ? { tabId: null, privileged: true, url } : `${type} is only for the extension's own worker`;
  if (url.startsWith(ownOrigin)) return { tabId: sender.tab?.id ?? null, privileged: true, url };
  if (!CONTENT_MESSAGES.has(type)) return `${type} is not allowed from a content script`;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return 'content-script message without a tab';
  // Only the top frame reports for a tab; a frame must not overwrite the page's verdict.
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'not from the top frame';
  return { tabId, privileged: false, url };
}

/**
 * A site's panel settings (hide, show again) change only for the content script's own page: a
 * content script names the host it runs on, never another; extension pages may name any.
 */
export function ownSiteOnly(host: string, caller: Caller): string {
  if (caller.privileged) return host;
  let own: string | null = null;
  try {
    own = new URL(caller.url).hostname.toLowerCase();
  } catch {
    own = null;
  }
  if (host.toLowerCase() !== own) throw new Error('a page may only change its own site');
  return host;
}
