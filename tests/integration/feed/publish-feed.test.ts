import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedKey } from '../../../src/feed/signature';
import { buildFeed } from '../../../src/tools/feed/build/build-feed';
import { dirTransport } from '../../../src/tools/feed/dir-transport';
import { verifyFeed } from '../../../src/tools/feed/verify-feed';
import { publishFeed } from '../../../src/tools/feed/publish/publish-feed';
import { headersFor, headersFile } from '../../../src/tools/feed/publish/static-headers';

const FIXTURES = new URL('../../fixtures/feed/', import.meta.url);
const KEY = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');

async function build(out: string, version: number, previous?: string) {
  const key = await parseFeedKey(KEY);
  await buildFeed({ ...key, out, blacklist: [new URL('blacklist.csv', FIXTURES).pathname], entities: [new URL('entities.csv', FIXTURES).pathname], name: 'publish test', version, previous, now: new Date(2026, 0, version) });
}

describe('feed publish: a layout for any static host', () => {
  it('copies content-addressed files once, writes _headers and the manifest; a second version adds files and keeps the old ones', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lz-publish-'));
    const site = join(tmp, 'site');
    await build(join(tmp, 'v1'), 1);
    const first = await publishFeed(join(tmp, 'v1'), site);
    expect(first.copied).toBeGreaterThan(3);
    expect(readFileSync(join(site, '_headers'), 'utf8')).toBe(headersFile());
    const key = await parseFeedKey(KEY);
    expect((await verifyFeed(dirTransport(site), key.publicKey)).problems).toEqual([]);
    // Publishing the same build again changes nothing.
    expect(await publishFeed(join(tmp, 'v1'), site)).toMatchObject({ copied: 0, kept: first.copied });
    const before = readdirSync(join(site, 'blacklist/keys'));
    await build(join(tmp, 'v2'), 2, site);
    await publishFeed(join(tmp, 'v2'), site);
    expect((await verifyFeed(dirTransport(site), key.publicKey)).problems).toEqual([]);
    const after = readdirSync(join(site, 'blacklist/keys'));
    for (const f of before) expect(after).toContain(f);
  });

  it('refuses to overwrite a published file with other content, and files that are not content-addressed', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lz-publish-'));
    await build(join(tmp, 'v1'), 1);
    const site = join(tmp, 'site');
    await publishFeed(join(tmp, 'v1'), site);
    const shard = readdirSync(join(site, 'blacklist/keys'))[0]!;
    writeFileSync(join(site, 'blacklist/keys', shard), 'tampered');
    await expect(publishFeed(join(tmp, 'v1'), site)).rejects.toThrow(/refusing to overwrite/);
    writeFileSync(join(tmp, 'v1', 'notes.txt'), 'hello');
    await expect(publishFeed(join(tmp, 'v1'), join(tmp, 'other'))).rejects.toThrow(/notes.txt: not a content-addressed file/);
  });

  it('documents the headers: CORS everywhere, a short life for the manifest, forever for the rest', () => {
    expect(headersFor('/manifest.json')).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag', 'Access-Control-Allow-Headers': 'If-None-Match', 'Cache-Control': 'public, max-age=300, must-revalidate' });
    expect(headersFor('/blacklist/keys/0-abcdefabcdef.bin')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/entities/leaves/3-abcdefabcdef.json')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    const docs = readFileSync(new URL('../../../docs/feed-format.md', import.meta.url), 'utf8');
    expect(docs).toContain(headersFile());
  });
});
