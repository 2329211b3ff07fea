import * as ed from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from './bytes';
import { generateFeedKey, parseFeedKey, parsePublicKey, signBytes, verifyBytes } from './signature';

describe('Ed25519 keys and signatures', () => {
  it('a generated key signs, WebCrypto verifies, and any change fails', async () => {
    const key = await generateFeedKey();
    const { secretKey, publicKey } = await parseFeedKey(JSON.stringify(key));
    const msg = new TextEncoder().encode('{"version":2}');
    const sig = await signBytes(msg, secretKey);
    expect(await verifyBytes(sig, msg, publicKey)).toBe(true);
    expect(await verifyBytes(sig, new TextEncoder().encode('{"version":3}'), publicKey)).toBe(false);
    const other = await generateFeedKey();
    expect(await verifyBytes(sig, msg, fromBase64(other.publicKey))).toBe(false);
    expect(await verifyBytes(sig.subarray(0, 63), msg, publicKey)).toBe(false);
    // The noble fallback agrees with WebCrypto on the same signature.
    expect(await ed.verifyAsync(sig, msg, publicKey)).toBe(true);
  });
  it('refuses key files whose halves do not belong together, and odd public keys', async () => {
    const a = await generateFeedKey();
    const b = await generateFeedKey();
    await expect(parseFeedKey(JSON.stringify({ ...a, publicKey: b.publicKey }))).rejects.toThrow(/does not belong/);
    await expect(parseFeedKey('nope')).rejects.toThrow(/not JSON/);
    expect(() => parsePublicKey('abc')).toThrow(/32 bytes/);
    expect(parsePublicKey('00'.repeat(32))).toHaveLength(32);
  });
});
