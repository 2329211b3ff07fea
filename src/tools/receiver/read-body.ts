import type { IncomingMessage } from 'node:http';

/** Why a body could not be read. */
export type BodyError = 'too-large' | 'aborted';

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused
 * before reading anything; an undeclared (chunked) body is refused as soon as it passes the limit,
 * and reading stops there, so an oversized upload never sits in memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<{ ok: true; body: Buffer } | { ok: false; error: BodyError }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, error: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: { ok: true; body: Buffer } | { ok: false; error: BodyError }) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish({ ok: false, error: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, error: 'aborted' }));
    req.on('close', () => finish({ ok: false, error: 'aborted' }));
  });
}
