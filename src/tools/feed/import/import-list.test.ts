import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/liangzhao';
import { readRecords, blacklistFromRow, BLACKLIST_COLUMNS } from '../build/csv-records';
import { parseColumnMap } from './column-map';
import { importList } from './import-list';
import { excelSerialDate, readXlsx } from './xlsx-reader';

const fixture = (name: string) => fileURLToPath(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url));
const XLSX = fixture('abnormal-2025q3.xlsx');
const GBK = fixture('abnormal-gbk.csv');
const opts = { list: 'abnormal-operation' as const, map: null, sheet: null, authority: null, sourceUrl: '' };

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('the XLSX reader (a minimal OOXML reader)', () => {
  it('reads a sheet written by a spreadsheet program: shared strings, a merged title, date serials, rows by number', async () => {
    const rows = await readXlsx(XLSX);
    expect(rows[0]).toEqual({ line: 1, cells: ['杭州市西湖区市场监督管理局 2025年第三季度列入经营异常名录企业名单'] });
    const header = rows.find((r) => r.cells.includes('统一社会信用代码'))!;
    expect(header.line).toBe(3);
    expect(header.cells).toEqual(['序号', '企业名称', '统一社会信用代码', '列入经营异常名录原因', '列入日期', '作出决定机关']);
    const first = rows.find((r) => r.line === 4)!;
    expect(first.cells[1]).toBe('杭州瑞丰机械设备有限公司');
    expect(excelSerialDate(Number(first.cells[4]))).toBe('2025-07-18');
    await expect(readXlsx(XLSX, 'no such sheet')).rejects.toThrow(/no sheet named "no such sheet" \(sheets: 经营异常名录\)/);
    await expect(readXlsx(GBK)).rejects.toThrow(/not a zip file/);
  });
});

describe('feed import: regulator spreadsheets → the feed\'s blacklist CSV', () => {
  it('XLSX: header found under the title, every code checked, the repeated company merged, bad rows reported by row', async () => {
    const r = await importList([XLSX], opts);
    expect(r.records.map((x) => x.id)).toEqual(['91330106MA2H3P7L4H', '91330108MA27XK3C8E', '92330102MA2KL7JU3C']);
    const merged = r.records[0]!;
    // Listed twice: the earlier date and its authority, both reasons.
    expect(merged).toMatchObject({ idType: 'uscc', list: 'abnormal-operation', name: '杭州瑞丰机械设备有限公司', listedOn: '2025-06-30', authority: '杭州市西湖区市场监督管理局' });
    expect(merged.reason).toBe('通过登记的住所或者经营场所无法联系的；公示企业信息隐瞒真实情况、弄虚作假的');
    expect(r.records[2]!.listedOn).toBe('2025-07-03'); // typed as 2025年7月3日
    expect(r.rejected.map((p) => [p.line, p.problem])).toEqual([
      [6, '统一社会信用代码 91330110MA2CF9QD29 is not valid (check-character)'],
      [7, 'no code'],
    ]);
    expect(r.merged).toEqual([{ file: XLSX, line: 8, id: '91330106MA2H3P7L4H', into: 4 }]);
    // 92… is an individual business's code (个体工商户): valid, imported.
    expect(r.records[2]!.name).toBe('杭州拱墅区优品百货商行');
  });

  it('GBK CSV in another column order, with bad rows', async () => {
    const r = await importList([GBK], opts);
    expect(r.files).toEqual([{ file: GBK, rows: 5, encoding: 'gbk' }]);
    expect(r.records.map((x) => [x.id, x.listedOn, x.name])).toEqual([
      ['91330105MA2B8NRF1T', '2025-08-05', '杭州上城优享贸易有限公司'],
      ['91330109MA2J4W6T5Y', '2025-08-06', '杭州临平汇通物流有限公司'],
    ]);
    expect(r.rejected.map((p) => p.line)).toEqual([4, 6]);
    expect(r.rejected[0]!.problem).toContain('1234567 is neither');
    expect(r.rejected[1]!.problem).toContain('listed_on must be YYYY-MM-DD');
    expect(r.merged.map((m) => m.line)).toEqual([5]);
  });

  it('an explicit --map for headers no one guessed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-'));
    const csv = join(dir, 'odd.csv');
    writeFileSync(csv, '单位,代码,日子,说明,发文机关\n杭州瑞丰机械设备有限公司,91330106MA2H3P7L4H,2025-01-02,无法联系,西湖区局\n');
    await expect(importList([csv], opts)).rejects.toThrow(/no header row with a 统一社会信用代码 column/);
    const map = parseColumnMap('代码=id,单位=name,日子=listed_on,说明=reason,发文机关=authority');
    const r = await importList([csv], { ...opts, map });
    expect(r.records).toEqual([{ id: '91330106MA2H3P7L4H', idType: 'uscc', list: 'abnormal-operation', name: '杭州瑞丰机械设备有限公司', reason: '无法联系', authority: '西湖区局', listedOn: '2025-01-02', sourceUrl: '' }]);
    expect(() => parseColumnMap('代码=nonsense')).toThrow(/FIELD one of/);
  });

  it('the command writes a CSV the feed builder reads back unchanged, and reports rejected rows by file and row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-import-'));
    const out = join(dir, 'list.csv');
    const { code, out: stdout, err } = await run('feed', 'import', XLSX, GBK, '--list', 'abnormal-operation', '--out', out, '--source-url', 'https://www.gsxt.gov.cn/');
    expect(code).toBe(0);
    expect(stdout).toContain('5 record(s)');
    expect(err).toContain(`${XLSX}:6: rejected: 统一社会信用代码 91330110MA2CF9QD29 is not valid`);
    expect(err).toContain(`${GBK}:4: rejected:`);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(BLACKLIST_COLUMNS.join(','));
    const back: unknown[] = [];
    const problems: unknown[] = [];
    for await (const row of readRecords(out, BLACKLIST_COLUMNS, blacklistFromRow, (p) => problems.push(p))) back.push(row.record);
    expect(problems).toEqual([]);
    expect(back).toHaveLength(5);
    expect(back[0]).toMatchObject({ id: '91330106MA2H3P7L4H', sourceUrl: 'https://www.gsxt.gov.cn/' });
    const usage = await run('feed', 'import', XLSX, '--out', out);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--list must be one of');
  });
});
