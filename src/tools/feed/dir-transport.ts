import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { FeedError } from '../../feed/feed-error';
import type { FeedTransport } from '../../feed/transport';

/** Feed files from a local directory (node only: the CLI's `--feed DIR`, verify and diff). */
export function dirTransport(dir: string): FeedTransport {
  const root = resolve(dir);
  return {
    location: root,
    async get(path, { maxBytes }) {
      const full = resolve(join(root, path));
      if (!full.startsWith(root + sep)) throw new FeedError('schema', `${path} leaves the feed directory`);
      let size: number;
      try {
        size = (await stat(full)).size;
      } catch {
        throw new FeedError('http', `${path}: missing from ${root}`);
      }
      if (size > maxBytes) throw new FeedError('too-large', `${path} is ${size} bytes; at most ${maxBytes} expected`);
      return { status: 'ok', bytes: new Uint8Array(await readFile(full)), etag: null };
    },
  };
}
