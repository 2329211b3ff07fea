import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const KEY_FILE = join(ROOT, 'tests/fixtures/feed/test-key.json');
const PUBLIC_KEY = (JSON.parse(readFileSync(KEY_FILE, 'utf8')) as { publicKey: string }).publicKey;
/** A regulator's exports: 3 rows (XLSX), and 2 more (GBK CSV). */
export const EXPORTS = { xlsx: join(ROOT, 'tests/fixtures/import/abnormal-2025q3.xlsx'), gbkCsv: join(ROOT, 'tests/fixtures/import/abnormal-gbk.csv') };
export const FEED_NAME = '杭州经营异常名录（测试）';

/** A shop showing the code of a company in the exports (经营异常名录: 未按照规定期限公示年度报告的). */
export const LISTED_SHOP =
  '<!doctype html><html><head><meta charset="utf-8"><title>云栖优选</title></head><body><h1>云栖优选旗舰店</h1><p>￥199 <button>立即购买</button></p><footer>企业名称：杭州云栖优选电子商务有限公司 统一社会信用代码：91330108MA27XK3C8E</footer></body></html>';

/** Builds the CLI (build/cli.mjs) the pipeline runs. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
}

/**
 * The list keeper's pipeline exactly as the scheduled workflow runs it (scripts/publish-feed.sh):
 * imports `sources`, builds on what `site` already holds (a delta), verifies, publishes into `site`.
 * Returns its log.
 */
export function publishFeed(site: string, sources: string[]): string {
  return execFileSync('bash', [join(ROOT, 'scripts/publish-feed.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FEED_SOURCES: sources.join(' '), FEED_LIST: 'abnormal-operation', FEED_KEY_FILE: KEY_FILE, FEED_PUBLIC_KEY: PUBLIC_KEY, FEED_SITE: site, FEED_NAME, FEED_SOURCE_URL: 'https://www.gsxt.gov.cn/', LIANGZHAO: `node ${join(ROOT, 'bin/liangzhao.mjs')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
