/**
 * Chrome's offscreen document (reason DOM_PARSER): where the engine scans page snapshots, since a
 * service worker has no DOMParser. It answers the service worker only; a content script's message
 * (which every extension document receives) is left to the service worker's router.
 */
import { isEngineRequest, scanSnapshot, type EngineReply } from './scan-snapshot';

interface OffscreenSender {
  id?: string;
  tab?: unknown;
}
const runtime = (globalThis as unknown as { chrome: { runtime: { id: string; onMessage: { addListener(l: (m: unknown, s: OffscreenSender, reply: (r: EngineReply) => void) => boolean | undefined): void } } } }).chrome.runtime;

runtime.onMessage.addListener((message, sender, reply) => {
  if (!isEngineRequest(message) || sender.id !== runtime.id || sender.tab) return undefined;
  try {
    reply({ ok: true, value: scanSnapshot(message.snapshot, message.url, message.lang) });
  } catch (error) {
    reply({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
  return undefined;
});
