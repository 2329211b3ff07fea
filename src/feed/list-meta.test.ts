import { describe, expect, it } from 'vitest';
import { toBase64 } from './bytes';
import type { Manifest } from './format';
import { DEFAULT_LIST_ACTIONS, keeperActions, listsMetaProblem } from './list-meta';
import { fileRefProblem, openManifest } from './manifest';
import { generateFeedKey, parseFeedKey, signBytes } from './signature';

const ref = { file: 'lists/fraud-domain-domains-0123456789ab.json', sha256: 'a'.repeat(64), bytes: 10, count: 2 };

/** A minimal valid manifest payload (no shards of its own), with `lists` as given. */
const payload = (lists?: unknown) => ({
  format: 1,
  name: 'meta test',
  version: 2,
  created: '2025-01-01T00:00:00Z',
  blacklist: { shardBits: 0, leafBits: 0, count: 0, shards: [{ keys: { ...ref, file: 'blacklist/keys/0-0.bin', count: 0 }, index: { ...ref, file: 'blacklist/index/0-0.json' } }], deltas: [] },
  ...(lists === undefined ? {} : { lists }),
  entities: { groupBits: 0, leafBits: 0, count: 0, groups: [null] },
});

/** Signs `p` as a feed would and opens it as a client does. */
async function open(p: unknown) {
  const key = await parseFeedKey(JSON.stringify(await generateFeedKey()));
  const text = JSON.stringify(p);
  const signature = await signBytes(new TextEncoder().encode(text), key.secretKey);
  const envelope = { payload: text, signature: toBase64(signature), publicKey: toBase64(key.publicKey) };
  return openManifest(new TextEncoder().encode(JSON.stringify(envelope)), key.publicKey);
}

describe('list metadata in the manifest', () => {
  it('an older feed without metadata opens, and its lists get the safe defaults', async () => {
    const { manifest } = await open(payload());
    expect(manifest.lists).toBeUndefined();
    expect(keeperActions(manifest)).toEqual(DEFAULT_LIST_ACTIONS);
    expect(DEFAULT_LIST_ACTIONS).toMatchObject({ 'fraud-domain': 'block', 'serious-dishonest': 'block', 'abnormal-operation': 'mark' });
  });
  it('the keeper decides per list; a list it leaves out keeps its default', async () => {
    const { manifest } = await open(payload({ 'fraud-domain': { action: 'mark' }, community: { action: 'block', domains: ref } }));
    expect(keeperActions(manifest)).toEqual({ ...DEFAULT_LIST_ACTIONS, 'fraud-domain': 'mark', community: 'block' });
    expect((manifest as Manifest).lists?.community?.domains).toEqual(ref);
  });
  it('refuses a manifest whose metadata is malformed, naming what is wrong', async () => {
    await expect(open(payload({ 'fraud-domain': { action: 'hide' } }))).rejects.toThrow(/lists\.fraud-domain: action must be one of block, mark, inform/);
    await expect(open(payload({ phishing: { action: 'block' } }))).rejects.toThrow(/unknown list "phishing"/);
    await expect(open(payload({ 'fraud-domain': { action: 'block', domains: { ...ref, file: '../x.json' } } }))).rejects.toThrow(/lists\.fraud-domain\.domains: bad file path/);
    await expect(open(payload([]))).rejects.toThrow(/lists section is not an object/);
    await expect(open(payload({ 'fraud-domain': { action: 'block', domainCount: -1 } }))).rejects.toThrow(/lists\.fraud-domain\.domainCount must be a whole number/);
    await expect(open(payload({ 'fraud-domain': { action: 'block', domainCount: '3' } }))).rejects.toThrow(/domainCount must be a whole number/);
    expect(listsMetaProblem(undefined, fileRefProblem)).toBeNull();
  });
});
