import { sha256Hex } from './bytes';
import { FeedError } from './feed-error';
import type { FileRef } from './format';

/** One file read from a feed. */
export type TransportResult = { status: 'ok'; bytes: Uint8Array; etag: string | null } | { status: 'not-modified' };

/**
 * Where feed files come from: a directory (CLI) or an http(s) URL (CLI and browser). Paths are
 * relative to the manifest.
 */
export interface FeedTransport {
  /** A readable description, for messages. */
  readonly location: string;
  get(path: string, options: { maxBytes: number; etag?: string | null }): Promise<TransportResult>;
}

/** Reads a file the manifest vouches for, refusing it unless its size and SHA-256 match. */
export async function getVerified(transport: FeedTransport, ref: FileRef, maxBytes: number): Promise<Uint8Array> {
  if (ref.bytes > maxBytes) throw new FeedError('too-large', `${ref.file} is ${ref.bytes} bytes; the limit is ${maxBytes}`);
  const got = await transport.get(ref.file, { maxBytes: ref.bytes });
  if (got.status !== 'ok') throw new FeedError('http', `${ref.file}: unexpected 304`);
  if (got.bytes.length !== ref.bytes) {
    throw new FeedError('hash', `${ref.file} is ${got.bytes.length} bytes, the manifest says ${ref.bytes} (truncated or altered)`);
  }
  if ((await sha256Hex(got.bytes)) !== ref.sha256) throw new FeedError('hash', `${ref.file} does not match its SHA-256 in the manifest (altered)`);
  return got.bytes;
}
