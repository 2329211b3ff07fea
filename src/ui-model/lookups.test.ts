import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../types';
import { badgeLookup, LOOKUP_TABLE, lookupsFor } from './lookups';

describe('lookups', () => {
  it('has at least one official https site for every identifier kind', () => {
    for (const kind of IDENTIFIER_KINDS) {
      const sites = LOOKUP_TABLE[kind];
      expect(sites.length, kind).toBeGreaterThan(0);
      for (const s of sites) expect(new URL(s.home).hostname, kind).toMatch(/(\.gov\.cn|12315\.cn)$/);
    }
  });
  it('deep-links a 14-digit public-security filing number', () => {
    const [psb] = lookupsFor('psb-filing', '京公网安备11010502030143号');
    expect(psb).toMatchObject({ url: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143', copy: null });
  });
  it('falls back to copy-and-open when the number cannot be linked', () => {
    expect(lookupsFor('psb-filing', '京公网安备110105号')[0]).toMatchObject({ url: 'https://beian.mps.gov.cn', copy: '京公网安备110105号' });
    expect(lookupsFor('icp-filing', '京ICP备12345678号')[0]).toMatchObject({ url: 'https://beian.miit.gov.cn', copy: '京ICP备12345678号' });
  });
  it('offers gsxt (copy), 信用中国 (deep link) and the court enforcement list for a USCC', () => {
    const l = lookupsFor('uscc', '91110000802100433B');
    expect(l.map((x) => x.site.id)).toEqual(['gsxt', 'creditchina', 'zxgk']);
    expect(l[0]).toMatchObject({ url: 'https://www.gsxt.gov.cn', copy: '91110000802100433B' });
    expect(l[1]!.url).toBe('https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=91110000802100433B');
  });
  it('links a badge only when it points at the official registry over http(s)', () => {
    const href = 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=91110000802100433B';
    expect(badgeLookup({ href, host: 'zzlz.gsxt.gov.cn', official: true })?.url).toBe(href);
    expect(badgeLookup({ href: 'https://gsxt.gov.cn.evil.com/x', host: 'gsxt.gov.cn.evil.com', official: false })).toBeNull();
    expect(badgeLookup({ href: 'javascript:alert(1)', host: 'zzlz.gsxt.gov.cn', official: true })).toBeNull();
    expect(badgeLookup({ href: 'https://www.beian.gov.cn/x', host: 'www.beian.gov.cn', official: true })).toBeNull();
  });
  it('sends the media and culture permits of issue 14 to their regulators', () => {
    expect(lookupsFor('broadcast-license', '(京)字第01234号')[0]).toMatchObject({ url: 'https://www.nrta.gov.cn', copy: '(京)字第01234号' });
    expect(lookupsFor('av-program-license', '0110409')[0]!.site.id).toBe('nrta');
    expect(lookupsFor('performance-license', '京演(机构)〔2020〕1234号')[0]!.site.id).toBe('mct-market');
    expect(lookupsFor('online-publishing-license', '(署)网出证(京)字第045号')[0]!.url).toBe('https://www.nppa.gov.cn/bsfw/cyjghcpcx/');
    expect(lookupsFor('drug-device-info-filing', '(京)网药械信息备字〔2022〕第00123号')[0]!.site.id).toBe('nmpa');
  });
});
