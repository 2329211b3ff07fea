import * as ed from '@noble/ed25519';
import { fromBase64, toBase64 } from './bytes';

/** A publisher key file (`liangzhao feed keygen`). The secret key never goes into a feed. */
export interface FeedKeyFile {
  type: 'ed25519';
  /** Base64 of the 32-byte public key: what clients are configured with. */
  publicKey: string;
  /** Base64 of the 32-byte secret key (seed). */
  secretKey: string;
  created: string;
  note?: string;
}

/** A new Ed25519 key pair. */
export async function generateFeedKey(now = new Date()): Promise<FeedKeyFile> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  return { type: 'ed25519', publicKey: toBase64(publicKey), secretKey: toBase64(secretKey), created: now.toISOString() };
}

/** Reads and checks a key file's content. */
export async function parseFeedKey(text: string): Promise<{ secretKey: Uint8Array; publicKey: Uint8Array }> {
  let key: Partial<FeedKeyFile>;
  try {
    key = JSON.parse(text) as Partial<FeedKeyFile>;
  } catch {
    throw new Error('key file is not JSON');
  }
  if (key.type !== 'ed25519' || typeof key.secretKey !== 'string') throw new Error('key file has no ed25519 secretKey');
  const secretKey = fromBase64(key.secretKey);
  if (secretKey.length !== 32) throw new Error('key file secretKey must be 32 bytes');
  const publicKey = await ed.getPublicKeyAsync(secretKey);
  if (key.publicKey && key.publicKey !== toBase64(publicKey)) throw new Error('key file publicKey does not belong to its secretKey');
  return { secretKey, publicKey };
}

export async function signBytes(message: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  return ed.signAsync(message, secretKey);
}

/** A public key given as base64 (the key file's `publicKey`) or 64 hex digits. */
export function parsePublicKey(text: string): Uint8Array {
  const t = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(t) ? Uint8Array.from(t.match(/../g)!, (h) => parseInt(h, 16)) : safeBase64(t);
  if (bytes?.length !== 32) throw new Error('public key must be 32 bytes (base64 or hex)');
  return bytes;
}

function safeBase64(t: string): Uint8Array | null {
  try {
    return fromBase64(t);
  } catch {
    return null;
  }
}

let webCryptoEd25519: boolean | undefined;

/**
 * Verifies an Ed25519 signature: WebCrypto where the platform has it (Chromium, Firefox, node 20),
 * else @noble/ed25519. Any malformed input is a failed verification, never an exception.
 */
export async function verifyBytes(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  if (webCryptoEd25519 !== false) {
    try {
      const key = await crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      webCryptoEd25519 = true;
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
    } catch (error) {
      // A platform without Ed25519 throws NotSupportedError; a bad key point throws DataError.
      if (webCryptoEd25519 === true) return false;
      if ((error as Error).name !== 'NotSupportedError') return false;
      webCryptoEd25519 = false;
    }
  }
  try {
    return await ed.verifyAsync(signature, message, publicKey);
  } catch {
    return false;
  }
}
