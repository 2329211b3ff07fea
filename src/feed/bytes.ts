/**
 * Byte helpers that behave the same in node and in the browser (no Buffer). Hex and base64 stay
 * hand-written until the platform's own (Uint8Array.prototype.toBase64/toHex, Uint8Array.fromBase64)
 * is everywhere we run: it is not in node 20, Chrome before 140 or Firefox ESR 128 (our minimums).
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** SHA-256 through WebCrypto (node 20 and browsers have it as globalThis.crypto.subtle). */
export async function sha256(bytes: Uint8Array | string): Promise<Uint8Array> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  return toHex(await sha256(bytes));
}

/** The top `bits` bits of a hash as a number (bits ≤ 24). */
export function prefixOf(hash: Uint8Array, bits: number): number {
  if (bits === 0) return 0;
  const top = ((hash[0]! << 16) | (hash[1]! << 8) | hash[2]!) >>> 0;
  return top >>> (24 - bits);
}

/** Compares the first `n` bytes of a[ai..] and b[bi..]. */
export function compareBytes(a: Uint8Array, ai: number, b: Uint8Array, bi: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = a[ai + i]! - b[bi + i]!;
    if (d !== 0) return d;
  }
  return 0;
}
