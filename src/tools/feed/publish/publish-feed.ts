import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { headersFile } from './static-headers';

export interface PublishReport {
  copied: number;
  /** Files already published with the same content (content-addressed: nothing to do). */
  kept: number;
  out: string;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

/**
 * Lays a built feed out for a static host: every content-addressed file (its name carries a prefix
 * of its SHA-256, checked here) is copied once and never overwritten, so clients reading an older
 * manifest keep finding their files; `_headers` says what the host must send (CORS, cache lifetimes);
 * manifest.json is written last, atomically: a client never sees a manifest naming a missing file.
 * Files of older versions are left in place (a client may be mid-sync with them).
 */
export async function publishFeed(feedDir: string, out: string): Promise<PublishReport> {
  let copied = 0;
  let kept = 0;
  await mkdir(out, { recursive: true });
  for await (const path of walk(feedDir)) {
    const rel = relative(feedDir, path).split(sep).join('/');
    if (rel === 'manifest.json') continue;
    const hash = await sha256(path);
    const named = /-([0-9a-f]{12})\.[a-z]+$/.exec(rel)?.[1];
    if (!named || !hash.startsWith(named)) throw new Error(`${rel}: not a content-addressed file of a feed (its name does not carry its SHA-256)`);
    const target = join(out, rel);
    const existing = await stat(target).catch(() => null);
    if (existing) {
      if ((await sha256(target)) !== hash) throw new Error(`${rel}: a different file is already published under this name; refusing to overwrite it`);
      kept++;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await copyFile(path, `${target}.tmp`);
    await rename(`${target}.tmp`, target);
    copied++;
  }
  await writeFile(join(out, '_headers'), headersFile());
  await copyFile(join(feedDir, 'manifest.json'), join(out, 'manifest.json.tmp'));
  await rename(join(out, 'manifest.json.tmp'), join(out, 'manifest.json'));
  return { copied, kept, out };
}
