import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../types';
import { badgeFallback, badgeKind, badgeLookup, LOOKUP_TABLE, lookupsFor, SEARCHES, searchesOf, SITES } from './lookups';

const NAME = '深圳市青禾生活用品有限公司';

describe('which official site can search which kind of value', () => {
  it('has at least one official https route for every identifier kind', () => {
    for (const kind of IDENTIFIER_KINDS) {
      const routes = LOOKUP_TABLE[kind];
      expect(routes.length, kind).toBeGreaterThan(0);
      for (const r of routes) {
        const home = new URL(r.site.home);
        expect(home.protocol, kind).toBe('https:');
        expect(home.hostname, kind).toMatch(/(\.gov\.cn|12315\.cn)$/);
      }
    }
  });

  it('offers every site only for what its own search box finds', () => {
    for (const kind of IDENTIFIER_KINDS) {
      for (const r of LOOKUP_TABLE[kind]) expect(searchesOf(r.site), `${kind} on ${r.site.id} by ${r.by}`).toContain(r.by === 'name' ? 'name' : kind);
    }
  });

  it('knows gsxt searches names, credit codes and registration numbers, and no permit number', () => {
    expect(SEARCHES.gsxt).toEqual(['name', 'uscc', 'regno']);
    for (const kind of ['food-business', 'food-online-filing', 'food-production', 'food-circulation', 'culture-license', 'permit'] as const) {
      expect(LOOKUP_TABLE[kind].filter((r) => r.site === SITES.gsxt).every((r) => r.by === 'name'), kind).toBe(true);
    }
  });

  it('looks a food permit or a 网食 filing up by the holder’s name, and not at all without one', () => {
    expect(lookupsFor('food-business', 'JY14401060012345', NAME)).toEqual([{ site: SITES.gsxt, url: 'https://www.gsxt.gov.cn', copy: NAME, by: 'name' }]);
    expect(lookupsFor('food-online-filing', '粤网食A440100012', NAME)[0]).toMatchObject({ copy: NAME, by: 'name' });
    expect(lookupsFor('food-business', 'JY14401060012345')).toEqual([]);
  });

  it('offers gsxt (copy), 信用中国 (its own search link) and, with a name, the court enforcement list for a USCC', () => {
    const l = lookupsFor('uscc', '91110000802100433B', NAME);
    expect(l.map((x) => [x.site.id, x.by])).toEqual([['gsxt', 'value'], ['creditchina', 'value'], ['zxgk', 'name']]);
    expect(l[0]).toMatchObject({ url: 'https://www.gsxt.gov.cn', copy: '91110000802100433B' });
    const cc = new URL(l[1]!.url);
    expect(cc.origin + cc.pathname).toBe('https://www.creditchina.gov.cn/xinyongxinxi/index.html');
    expect(Object.fromEntries(cc.searchParams)).toEqual({
      index: '0',
      scenes: 'defaultScenario',
      tableName: 'credit_xyzx_tyshxydm',
      searchState: '2',
      entityType: '1,2,4,5,6,7,8',
      keyword: '91110000802100433B',
    });
    expect(l[2]).toMatchObject({ url: 'https://zxgk.court.gov.cn/zhzxgk/', copy: NAME });
    expect(lookupsFor('uscc', '91110000802100433B').map((x) => x.site.id)).toEqual(['gsxt', 'creditchina']);
  });

  it('deep-links a 14-digit public-security filing number, else copies it', () => {
    expect(lookupsFor('psb-filing', '京公网安备11010502030143号')[0]).toMatchObject({ url: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143', copy: null });
    expect(lookupsFor('psb-filing', '京公网安备110105号')[0]).toMatchObject({ url: 'https://beian.mps.gov.cn', copy: '京公网安备110105号' });
    expect(lookupsFor('icp-filing', '京ICP备12345678号')[0]).toMatchObject({ url: 'https://beian.miit.gov.cn', copy: '京ICP备12345678号' });
  });

  it('sends the media and culture permits to their regulators', () => {
    expect(lookupsFor('broadcast-license', '(京)字第01234号')[0]).toMatchObject({ url: 'https://www.nrta.gov.cn', copy: '(京)字第01234号' });
    expect(lookupsFor('av-program-license', '0110409')[0]!.site.id).toBe('nrta');
    expect(lookupsFor('performance-license', '京演(机构)〔2020〕1234号')[0]!.site.id).toBe('mct-market');
    expect(lookupsFor('culture-license', '粤网文〔2019〕1234-123号')[0]!.site.id).toBe('mct-market');
    expect(lookupsFor('online-publishing-license', '(署)网出证(京)字第045号')[0]!.url).toBe('https://www.nppa.gov.cn/bsfw/cyjghcpcx/');
    expect(lookupsFor('drug-device-info-filing', '(京)网药械信息备字〔2022〕第00123号')[0]!.site.id).toBe('nmpa');
  });
});

describe('badges', () => {
  it('links a badge only when it points at the official registry over http(s)', () => {
    const href = 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do?showType=p&serial=91110000802100433B';
    expect(badgeLookup({ href, host: 'zzlz.gsxt.gov.cn', official: true })?.url).toBe(href);
    expect(badgeLookup({ href: 'https://gsxt.gov.cn.evil.com/x', host: 'gsxt.gov.cn.evil.com', official: false })).toBeNull();
    expect(badgeLookup({ href: 'javascript:alert(1)', host: 'zzlz.gsxt.gov.cn', official: true })).toBeNull();
    expect(badgeLookup({ href: 'https://www.beian.gov.cn/x', host: 'www.beian.gov.cn', official: true })).toBeNull();
  });

  it('checks a spoofed badge where its kind is checked: 公安 → beian.mps.gov.cn, ICP → beian.miit.gov.cn, 亮照 → gsxt', () => {
    const psb = { claims: '公安备案', authority: null, host: 'beian-mps.example.com', embedded: ['44030502008888'] };
    expect(badgeKind(psb)).toBe('psb');
    expect(badgeFallback(psb, [])).toMatchObject({ url: 'https://beian.mps.gov.cn/#/query/webSearch?code=44030502008888', copy: null });
    expect(badgeFallback({ ...psb, embedded: [] }, [{ kind: 'psb-filing', value: '粤公网安备44030502008888号' }]).url).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=44030502008888');
    expect(badgeFallback({ ...psb, embedded: [] }, []).url).toBe('https://beian.mps.gov.cn');

    const icp = { claims: 'ICP备案查询', authority: null, host: 'icp-check.example.com', embedded: [] };
    expect(badgeKind(icp)).toBe('icp');
    expect(badgeFallback(icp, [{ kind: 'icp-filing', value: '粤ICP备2023045678号' }])).toMatchObject({ url: 'https://beian.miit.gov.cn', copy: '粤ICP备2023045678号' });

    const licence = { claims: '电子营业执照亮照', authority: null, host: 'gsxt-verify.shop-cert.example.com', embedded: ['91440300MA5G8N2T36'] };
    expect(badgeKind(licence)).toBe('license');
    expect(badgeFallback(licence, [])).toMatchObject({ site: SITES.gsxt, copy: '91440300MA5G8N2T36' });
    expect(badgeFallback({ ...licence, embedded: [] }, [])).toMatchObject({ url: 'https://www.gsxt.gov.cn', copy: null });
  });
});
