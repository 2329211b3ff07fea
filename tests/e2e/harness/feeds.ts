import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeed } from '../../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../../src/feed/signature';
import type { FeedSyncStatus } from '../../../src/lists/lists-status';
import type { ExtensionPage } from '../driver/driver';
import { poll } from '../driver/poll';

const FIXTURES = new URL('../../fixtures/feed/', import.meta.url);
const KEY_FILE = readFileSync(new URL('test-key.json', FIXTURES), 'utf8');
export const PUBLIC_KEY = (JSON.parse(KEY_FILE) as { publicKey: string }).publicKey;
/** 严重违法失信名单 in the sample feed. */
export const LISTED = '91440300MA5F8K2Q1M';
/** Listed only from version 3 on. */
export const NEWLY_LISTED = '91330106MA2H3P7L4H';

/** A USCC-shaped id (the feed checks the format, not check characters). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const fakeId = (n: number) => {
  let s = '';
  for (let i = 0, x = n * 7919 + 104729; i < 16; i++, x = Math.floor(x / 31) + i * 131) s += ALPHABET[x % 31];
  return '91' + s;
};

/**
 * The sample feed in three versions under `dir`: v1 (tests/fixtures/feed), v2-tampered (v1's signed
 * payload altered without a new signature) and, with `v3`, a version of 64 shards that each differ
 * plus a newly listed company.
 */
export async function buildFeeds(dir: string, { v3 = false } = {}): Promise<void> {
  const key = await parseFeedKey(KEY_FILE);
  const csv = readFileSync(new URL('blacklist.csv', FIXTURES), 'utf8');
  writeFileSync(join(dir, 'v1.csv'), csv);
  const common = { ...key, entities: [new URL('entities.csv', FIXTURES).pathname], name: 'e2e sample', now: new Date() };
  await buildFeed({ ...common, out: join(dir, 'v1'), blacklist: [join(dir, 'v1.csv')], version: 1 });
  cpSync(join(dir, 'v1'), join(dir, 'v2-tampered'), { recursive: true });
  const envelope = JSON.parse(readFileSync(join(dir, 'v2-tampered', 'manifest.json'), 'utf8')) as { payload: string };
  envelope.payload = envelope.payload.replace('"version":1,', '"version":2,');
  writeFileSync(join(dir, 'v2-tampered', 'manifest.json'), JSON.stringify(envelope));
  if (!v3) return;
  const rows = Array.from({ length: 3000 }, (_, i) => `${fakeId(i)},uscc,court-dishonest,企业${i},原因,法院,2024-01-01,`);
  rows.push(`${NEWLY_LISTED},uscc,serious-dishonest,杭州瑞丰机械设备有限公司,新近列入,杭州市市场监督管理局,2025-01-02,`);
  writeFileSync(join(dir, 'v3.csv'), csv.trimEnd() + '\n' + rows.join('\n') + '\n');
  await buildFeed({ ...common, out: join(dir, 'v3'), blacklist: [join(dir, 'v3.csv')], version: 3, shardBits: 6 });
}

/** The first feed's sync status, asked from an extension page until `ok` holds. */
export async function waitForFeed(page: ExtensionPage, ok: (f: FeedSyncStatus) => boolean, timeoutMs = 30_000): Promise<FeedSyncStatus | undefined> {
  return poll(
    async () => {
      const reply = await page.send('getSyncStatus', {}).catch(() => null);
      return reply?.ok ? reply.value[0] : undefined;
    },
    (f) => f !== undefined && ok(f),
    { timeoutMs, everyMs: 100 },
  );
}
