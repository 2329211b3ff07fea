import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsOf, ids } from '../../tests/unit/scan-html';
import type { DataLookups } from '../feed/lookup-types';
import { judge } from '../verdict/judge';

const PAGE = readFileSync(join(import.meta.dirname, '../../tests/fixtures/forms/pages/traditional-shop.html'), 'utf8');
const USCC = '91440300MA5FX3K21E';

/** The credit cache's answer for the page's USCC: found, registered under `name` (Simplified). */
const lookups = (name: string): DataLookups => ({
  matches: [],
  entities: [{ uscc: USCC, state: 'found', feed: 'test', stale: false, record: { uscc: USCC, name, status: '存续', creditLevel: 'A', redlists: [], updatedOn: '2026-01-01' } }],
  status: { state: 'ok', feeds: [] },
});

describe('a shop page written in Traditional characters (issue 14)', () => {
  const scan = factsOf(PAGE, 'https://shop.example.hk/item/1');

  it('reads the licence card and the footer as the page wrote them', () => {
    expect(scan.licenses).toEqual([expect.objectContaining({ name: '深圳市滙豐衞浴有限公司', uscc: USCC, legalRepresentative: '陳 峯' })]);
    expect(ids(scan)).toEqual(expect.arrayContaining([`uscc:${USCC}`, 'icp-filing:粤ICP备19045678号-1', 'psb-filing:粤公网安备44030602001234号', 'publication:新出发粤深零字第Y0456号']));
    expect(judge(scan, { lang: 'zh-CN' }).verdict.findings).toEqual([]);
  });

  it('the registered Simplified name is the same name: no name-mismatch, no danger', () => {
    const r = judge(scan, { lang: 'zh-CN', lookups: lookups('深圳市汇丰卫浴有限公司') });
    expect(r.verdict.findings.map((f) => f.code)).not.toContain('name-mismatch');
    expect(r.verdict.level).not.toBe('danger');
  });

  it('a different registered name is still a borrowed licence', () => {
    const r = judge(scan, { lang: 'zh-CN', lookups: lookups('深圳市华彩卫浴有限公司') });
    expect(r.verdict.findings.map((f) => f.code)).toContain('name-mismatch');
    expect(r.verdict.level).toBe('danger');
  });
});
