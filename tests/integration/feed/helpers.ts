import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed } from '../../../src/tools/feed/build/build-feed';
import { parseFeedKey } from '../../../src/feed/signature';
import { usccCheckChar, USCC_ALPHABET } from '../../../src/identifiers/checks';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/feed');
export const TEST_KEY_TEXT = readFileSync(join(FIXTURES, 'test-key.json'), 'utf8');
export const TEST_PUBKEY = (JSON.parse(TEST_KEY_TEXT) as { publicKey: string }).publicKey;

export const tempDir = (name: string): string => mkdtempSync(join(tmpdir(), `lz-${name}-`));

/** A deterministic valid USCC for number n (check character computed). */
export function usccOf(n: number): string {
  let body = '';
  let x = n;
  for (let i = 0; i < 8; i++) {
    body += USCC_ALPHABET[x % 31];
    x = Math.floor(x / 31);
  }
  const first17 = `9144030${body}MA`.slice(0, 17);
  return first17 + usccCheckChar(first17)!;
}

const HEADER = 'id,id_type,list,name,reason,authority,listed_on,source_url';

/** Writes a blacklist CSV of generated USCCs on the serious-dishonest list. */
export function blacklistCsv(dir: string, name: string, ids: number[]): string {
  const lines = [HEADER, ...ids.map((n) => `${usccOf(n)},uscc,serious-dishonest,测试企业${n}有限公司,测试原因${n},测试监管局,2024-01-01,https://www.gsxt.gov.cn/`)];
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Builds a feed signed with the test key (or another key text). */
export async function build(out: string, options: { blacklist?: string[]; entities?: string[]; version: number; previous?: string; shardBits?: number; keyText?: string; domainFileMax?: number }) {
  const key = await parseFeedKey(options.keyText ?? TEST_KEY_TEXT);
  return buildFeed({
    out,
    ...key,
    blacklist: options.blacklist ?? [],
    entities: options.entities ?? [],
    version: options.version,
    previous: options.previous,
    shardBits: options.shardBits,
    domainFileMax: options.domainFileMax,
    name: 'test-feed',
    now: new Date('2025-01-01T00:00:00Z'),
  });
}
