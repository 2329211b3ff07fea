import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, readCsv } from './csv-reader';

const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'lz-csv-')), name);
  writeFileSync(path, bytes);
  return path;
};
const all = async (path: string) => {
  const rows = [];
  for await (const r of readCsv(path, await detectEncoding(path))) rows.push(r);
  return rows;
};

describe('readCsv', () => {
  it('detects GBK from invalid UTF-8 and UTF-8 from a BOM', async () => {
    expect(await detectEncoding(file('g.csv', iconv.encode('a,b\r\n名称,原因\r\n', 'gbk')))).toBe('gbk');
    expect(await detectEncoding(file('u.csv', '\ufeffa,b\n名称,原因\n'))).toBe('utf-8');
    expect(await all(file('g2.csv', iconv.encode('a,b\r\n北京某某,吊销\r\n', 'gbk')))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['北京某某', '吊销'] },
    ]);
  });
  it('handles quotes, doubled quotes, newlines in quotes, and counts physical lines', async () => {
    const rows = await all(file('q.csv', 'a,b\n"x, y","say ""hi"""\n"multi\nline",z\nlast,row'));
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
  });
  it('reports malformed records with their line and goes on', async () => {
    const rows = await all(file('bad.csv', 'a,b\nx"y,1\nok,2\n"open,3\n'));
    expect(rows[1]).toEqual({ line: 2, error: 'a quote inside an unquoted field' });
    expect(rows[2]).toEqual({ line: 3, fields: ['ok', '2'] });
    expect(rows[3]).toMatchObject({ line: 4, error: expect.stringMatching(/not closed/) });
  });
  it('a quoted record split across 1 MB read chunks is reassembled', async () => {
    const filler = Array.from({ length: 70_000 }, (_, i) => `f${i},0123456`).join('\n');
    const long = 'v'.repeat(600_000) + '\n' + 'w'.repeat(10);
    const rows = await all(file('big.csv', `a,b\n${filler}\n"${long}",1\nx,2\n`));
    expect(rows).toHaveLength(70_003);
    expect(rows[70_001]).toEqual({ line: 70_002, fields: [long, '1'] });
    expect(rows[70_002]).toEqual({ line: 70_004, fields: ['x', '2'] });
  });
});
