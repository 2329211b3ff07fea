import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileRef } from '../../../feed/format';

/**
 * Writes a content-addressed feed file (`<dir>/<name>-<sha prefix>.<ext>`) and returns its
 * reference. Names change with content, so a CDN can cache every file forever and a client still
 * reading an older manifest never gets a newer file under an old name.
 */
export function writeFeedFile(root: string, dir: string, name: string, ext: string, bytes: Uint8Array, count: number): FileRef {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = `${dir}/${name}-${sha256.slice(0, 12)}.${ext}`;
  const full = join(root, file);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
  return { file, sha256, bytes: bytes.length, count };
}

/** Node's SHA-256 (synchronous and much faster than WebCrypto for millions of small keys). */
export const nodeSha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

export const hexOf = (n: number, bits: number): string => n.toString(16).padStart(Math.max(1, Math.ceil(bits / 4)), '0');
