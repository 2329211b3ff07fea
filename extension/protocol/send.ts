import type { MessageType, Payload, Reply, Request, Response } from './messages';
import { nativeApi } from '../browser/native-api';

/** Sends one typed message to the service worker; rejects with the router's error message. */
export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Response<K>> {
  const request: Request<K> = { type, payload };
  const reply = (await nativeApi().runtime.sendMessage(request)) as Reply<K> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`${type}: no reply from the extension`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}
