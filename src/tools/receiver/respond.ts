import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where and what, for `{error, details}` answers. */
export type Details = { path: string; message: string }[];

/** A JSON answer with no-store caching. */
export function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(json);
}

/** An `{error, details}` answer. */
export function fail(res: ServerResponse, status: number, error: string, details: Details, headers: Record<string, string> = {}): void {
  send(res, status, { error, details }, headers);
}

/** Answers, then closes the connection without reading the rest of an unread body. */
export function failAndClose(req: IncomingMessage, res: ServerResponse, status: number, error: string, details: Details, headers: Record<string, string> = {}): void {
  res.on('finish', () => {
    req.socket.end();
    // A client that keeps uploading is cut off soon after; what it sends meanwhile is discarded, not kept.
    setTimeout(() => req.socket.destroy(), 1000).unref();
  });
  fail(res, status, error, details, { connection: 'close', ...headers });
}

/** The client address for rate limiting; IPv4-mapped IPv6 counts as the IPv4 address. */
export function clientOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

export const CORS = {
  // No cookies or credentials are ever read, so any origin (the extension's) may post.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-max-age': '600',
};

