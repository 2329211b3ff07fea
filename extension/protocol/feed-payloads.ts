/** Payload validators of the list (feed) messages; registered in PAYLOADS (payloads.ts). */
import { parsePublicKey } from '../../src/feed/signature';
import { toBase64 } from '../../src/feed/bytes';
import { int, obj, optional, str, ValidationError, type Validator } from './validate';

/** An http(s) URL of a feed's manifest.json (or its directory); no credentials in it. */
export const feedUrl: Validator<string> = (v, p) => {
  const text = str(2000)(v, p).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(`${p}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(`${p}: a feed URL must start with http:// or https://`);
  if (url.username || url.password) throw new ValidationError(`${p}: a feed URL must not contain a user name or password`);
  return url.href;
};

/** An Ed25519 public key: 32 bytes as base64 (or 64 hex digits); normalized to base64. */
export const feedPublicKey: Validator<string> = (v, p) => {
  const text = str(200)(v, p);
  try {
    return toBase64(parsePublicKey(text));
  } catch (error) {
    throw new ValidationError(`${p}: ${error instanceof Error ? error.message : 'bad public key'}`);
  }
};

const feedId = str(2000);

export const FEED_PAYLOADS = {
  getSyncStatus: obj({}),
  subscribeFeed: obj({ url: feedUrl, publicKey: feedPublicKey, staleAfterDays: optional(int(1, 365)) }),
  unsubscribeFeed: obj({ id: feedId }),
  syncFeeds: obj({ id: optional(feedId) }),
};
