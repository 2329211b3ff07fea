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

/** How long, and how much, of an upload already refused is read and thrown away before the connection is closed. */
const DRAIN_MS = 10_000;
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Answers a request whose body is still coming (over the size limit), then reads the rest of it
 * and throws it away before closing. Closing with unread data makes the kernel reset the
 * connection, and a client still sending then sees the reset instead of the answer it was sent
 * (issue 15). The draining is bounded in time and bytes; past either the connection is cut.
 */
export function refuseUpload(req: IncomingMessage, res: ServerResponse, status: number, error: string, details: Details, headers: Record<string, string> = {}): void {
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DRAIN_MS).unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) cut();
  });
  req.on('end', () => {
    clearTimeout(timer);
    req.socket.end();
  });
  req.resume();
  fail(res, status, error, details, { connection: 'close', ...headers });
}

export const CORS = {
  // No cookies or credentials are ever read, so any origin (the extension's) may post.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-max-age': '600',
};

