import type { RegistryAnswer, RegistryReading, RegistrySiteId } from '../feed/registry-answer';
import { registrySiteOf } from './hosts';
import { answerKeys, sameKey, type RegistryKey } from './query-key';

/** What a shop tab asked a registry tab to look up (remembered when the extension opened the tab). */
export interface AskedLookup extends RegistryKey {
  shopTabId: number;
  site: RegistrySiteId;
  openedAt: number;
}

export type Acceptance =
  | { accepted: true; kind: 'answer'; key: RegistryKey; answer: RegistryAnswer; shopTabId: number }
  | { accepted: true; kind: 'unreadable'; key: RegistryKey; site: RegistrySiteId; url: string; reason: string; shopTabId: number }
  | { accepted: false; reason: string };

/**
 * Whether a reading sent by a registry tab may stand for the shop tab that asked. Only from a tab the
 * extension opened for a shop tab, only from a registry host over https (the browser's word for the
 * sender's URL, not the page's), only an answer of that same registry, and only about the value that
 * was asked: a registry tab the shopper used to look up some other company changes nothing.
 */
export function acceptReading(senderUrl: string, reading: RegistryReading, asked: AskedLookup | null): Acceptance {
  const site = registrySiteOf(senderUrl);
  if (!site) return { accepted: false, reason: 'not a registry host over https' };
  if (!asked) return { accepted: false, reason: 'this tab was not opened to check a shop' };
  const key: RegistryKey = { kind: asked.kind, value: asked.value };
  if (reading.state === 'unreadable') {
    if (reading.site !== site) return { accepted: false, reason: 'the reading names another registry' };
    return { accepted: true, kind: 'unreadable', key, site, url: senderUrl, reason: reading.reason, shopTabId: asked.shopTabId };
  }
  if (reading.state !== 'answer') return { accepted: false, reason: `nothing to accept (${reading.state})` };
  const { answer } = reading;
  if (answer.site !== site || registrySiteOf(answer.url) !== site) return { accepted: false, reason: 'the answer names another registry' };
  if (!answerKeys(answer).some((k) => sameKey(k, key))) return { accepted: false, reason: 'the answer is about another company or filing' };
  return { accepted: true, kind: 'answer', key, answer, shopTabId: asked.shopTabId };
}
