/** Why a feed (or a file of it) was refused; the code is shown in the sync status. */
export type FeedErrorCode =
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'signature'
  | 'schema'
  | 'hash'
  | 'record'
  | 'older-version'
  | 'aborted';

/** A refused feed or file, with a code for the status and a message for people. */
export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Any error → FeedError (unexpected ones are reported as network/other problems, not swallowed). */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const e = error as Error;
  if (e?.name === 'AbortError') return new FeedError('aborted', 'sync was stopped before it finished');
  if (e?.name === 'TimeoutError') return new FeedError('timeout', 'the feed server did not answer in time');
  return new FeedError('network', e?.message ?? String(error));
}
