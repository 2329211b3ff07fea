import browser, { type Runtime } from 'webextension-polyfill';
import { authorize, type Caller } from '../protocol/authorize';
import type { MessageType, Payload, Reply, Response } from '../protocol/messages';
import { PAYLOADS } from '../protocol/payloads';
import { ValidationError } from '../protocol/validate';

export type Handlers = { [K in MessageType]: (payload: Payload<K>, caller: Caller) => Promise<Response<K>> };

const isRequest = (m: unknown): m is { type: MessageType; payload: unknown } =>
  !!m && typeof m === 'object' && typeof (m as { type?: unknown }).type === 'string' && Object.hasOwn(PAYLOADS, (m as { type: string }).type);

/**
 * The service worker's one onMessage listener. Constructed on the first tick (listeners registered in
 * the constructor); handlers wait for `ready` so a message arriving during start-up waits, never drops.
 */
export class MessageRouter {
  constructor(
    private readonly handlers: Handlers,
    private readonly ready: Promise<unknown>,
  ) {
    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => this.dispatch(message, sender));
  }

  async dispatch(message: unknown, sender: Runtime.MessageSender): Promise<Reply> {
    if (!isRequest(message)) return { ok: false, error: 'unknown message' };
    const caller = authorize(message.type, sender, browser.runtime.id, browser.runtime.getURL(''));
    if (typeof caller === 'string') return { ok: false, error: `refused: ${caller}` };
    try {
      const payload = PAYLOADS[message.type](message.payload, '');
      await this.ready;
      const handler = this.handlers[message.type] as (p: unknown, c: Caller) => Promise<unknown>;
      return { ok: true, value: (await handler(payload, caller)) as Response<MessageType> };
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, error: `invalid ${message.type}: ${error.message}` };
      console.error(`[liangzhao] ${message.type} failed`, error);
      return { ok: false, error: `${message.type} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
