import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ids, scanHtml } from '../../tests/unit/scan-html';

const read = (name: string) => readFileSync(join(import.meta.dirname, '../../tests/fixtures/footers', name), 'utf8');

describe('the real footers of big platforms never trip a rule', () => {
  it('JD', () => {
    const r = scanHtml(read('jd-footer.html'), 'https://www.jd.com/');
    expect(r.verdict).toEqual({ level: 'ok', findings: [] });
    expect(ids(r)).toEqual(
      expect.arrayContaining([
        'psb-filing:京公网安备11000002000088号', 'icp-license:京ICP证070359号', 'drug-info:(京)-经营性-2014-0008',
        'publication:新出发京零字第大120007号', 'culture-license:京网文〔2014〕2148-348号', 'device-platform-filing:(京)网械平台备字〔2018〕第00003号',
        'uscc:91110302562134916R',
      ]),
    );
    expect(r.badges.every((b) => b.official)).toBe(true);
    expect(r.badges.map((b) => b.host)).toEqual(expect.arrayContaining(['zzlz.gsxt.gov.cn', 'credit.szfw.org', 'search.szfw.org']));
  });

  it('Taobao, seen from a Tmall page', () => {
    const r = scanHtml(read('taobao-footer.html'), 'https://detail.tmall.com/item.htm?id=1');
    expect(r.verdict).toEqual({ level: 'ok', findings: [] });
    expect(ids(r)).toEqual(
      expect.arrayContaining([
        'icp-license:浙B2-20080224-1', 'culture-license:浙网文〔2019〕0085-085号', 'drug-info:(浙)-经营性-2023-0081', 'publication:新出发浙备字第002号',
        'device-platform-filing:(浙)网械平台备字〔2018〕第00004号', 'food-online-filing:浙网食A33010002', 'psb-filing:浙公网安备33010002000078号', 'uscc:91330100716105852F',
      ]),
    );
  });
});
