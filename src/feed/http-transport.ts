import { FeedError } from './feed-error';
import type { FeedTransport, TransportResult } from './transport';

export interface HttpTransportOptions {
  /** The platform's fetch (injected: the service worker's, or node's). */
  fetch: typeof fetch;
  /** Per-file time limit; a slow server is a failed sync, not a hung one. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Feed files over http(s), relative to the manifest URL. Bodies are read with a byte limit, so a
 * server that sends more than promised cannot fill memory, and one that dies mid-body is an error.
 */
export function httpTransport(manifestUrl: string, options: HttpTransportOptions): FeedTransport {
  const base = new URL(manifestUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new FeedError('schema', `feed URL must be http(s): ${manifestUrl}`);
  return {
    location: base.href,
    async get(path, { maxBytes, etag }): Promise<TransportResult> {
      const url = new URL(path, base);
      const signals = [AbortSignal.timeout(options.timeoutMs ?? 60_000)];
      if (options.signal) signals.push(options.signal);
      const signal = AbortSignal.any(signals);
      const headers: Record<string, string> = {};
      if (etag) headers['If-None-Match'] = etag;
      let response: Response;
      try {
        response = await options.fetch(url.href, { headers, signal, cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
      } catch (error) {
        throw wrap(error, url.href, signal);
      }
      if (response.status === 304) return { status: 'not-modified' };
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new FeedError('http', `${url.href}: HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FeedError('too-large', `${url.href} is ${declared} bytes; at most ${maxBytes} expected`);
      }
      try {
        return { status: 'ok', bytes: await readLimited(response, maxBytes, url.href), etag: response.headers.get('etag') };
      } catch (error) {
        throw wrap(error, url.href, signal);
      }
    },
  };
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', `${url} sent more than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function wrap(error: unknown, url: string, signal: AbortSignal): FeedError {
  if (error instanceof FeedError) return error;
  const reason = signal.reason as Error | undefined;
  if (signal.aborted && reason?.name === 'TimeoutError') return new FeedError('timeout', `${url}: the server did not answer in time`);
  if (signal.aborted) return new FeedError('aborted', `${url}: stopped`);
  return new FeedError('network', `${url}: ${(error as Error)?.message ?? String(error)} (connection failed or was cut)`);
}
