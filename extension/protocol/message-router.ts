import browser, { type Runtime } from 'webextension-polyfill';
import { authorize, type Caller } from './authorize';
import type { MessageType, Payload, Reply, Response } from './messages';
import { PAYLOADS } from './payloads';
import { ValidationError } from './validate';

/** The handlers of the messages one context answers (the service worker's, or the engine document's). */
export type Handlers<K extends MessageType> = { [P in K]: (payload: Payload<P>, caller: Caller) => Promise<Response<P>> };

const isRequest = (m: unknown): m is { type: MessageType; payload: unknown } =>
  !!m && typeof m === 'object' && typeof (m as { type?: unknown }).type === 'string' && Object.hasOwn(PAYLOADS, (m as { type: string }).type);

/**
 * A context's one onMessage listener. Constructed on the first tick (listeners registered in the
 * constructor); handlers wait for `ready` so a message arriving during start-up waits, never drops.
 * A message of the protocol that another context answers is left alone (no reply from here): a
 * runtime message reaches every extension context, the service worker and the offscreen document alike.
 */
export class MessageRouter<K extends MessageType> {
  constructor(
    private readonly handlers: Handlers<K>,
    private readonly ready: Promise<unknown>,
  ) {
    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => this.listen(message, sender));
  }

  private listen(message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined {
    if (isRequest(message) && !Object.hasOwn(this.handlers, message.type)) return undefined;
    return this.dispatch(message, sender);
  }

  async dispatch(message: unknown, sender: Runtime.MessageSender): Promise<Reply> {
    if (!isRequest(message) || !Object.hasOwn(this.handlers, message.type)) return { ok: false, error: 'unknown message' };
    const caller = authorize(message.type, sender, browser.runtime.id, browser.runtime.getURL(''));
    if (typeof caller === 'string') return { ok: false, error: `refused: ${caller}` };
    try {
      const payload = PAYLOADS[message.type](message.payload, '');
      await this.ready;
      const handler = this.handlers[message.type as K] as (p: unknown, c: Caller) => Promise<unknown>;
      return { ok: true, value: (await handler(payload, caller)) as Response<MessageType> };
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, error: `invalid ${message.type}: ${error.message}` };
      console.error(`[liangzhao] ${message.type} failed`, error);
      return { ok: false, error: `${message.type} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
