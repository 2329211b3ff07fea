import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { RegistryAnswer, RegistryReading } from '../feed/registry-answer';
import { registrySiteOf } from './hosts';
import { answerKeys } from './query-key';
import { READERS } from './readers';
import { readRegistryPage } from './read-registry-page';

const FIXTURES = new URL('../../tests/fixtures/registries/', import.meta.url);
const page = (file: string) => parseHTML(readFileSync(new URL(file, FIXTURES), 'utf8')).document as unknown as Document;
const read = (file: string, url: string): RegistryReading => readRegistryPage(page(file), url);
const answerOf = (r: RegistryReading): RegistryAnswer => {
  if (r.state !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(r)}`);
  return r.answer;
};

const GSXT_COMPANY = 'https://www.gsxt.gov.cn/corp-query-entprise-info-xxx.html';

describe('registry hosts', () => {
  it('accepts only the exact registry hosts over https', () => {
    expect(registrySiteOf('https://www.gsxt.gov.cn/index.html')).toBe('gsxt');
    expect(registrySiteOf('https://gd.gsxt.gov.cn/x')).toBe('gsxt');
    expect(registrySiteOf('https://beian.miit.gov.cn/#/Integrated/recordQuery')).toBe('miit');
    expect(registrySiteOf('https://beian.mps.gov.cn/#/query/webSearch?code=1')).toBe('mps');
    expect(registrySiteOf('https://www.creditchina.gov.cn/xinyongxinxi/index.html')).toBe('creditchina');
    for (const lookalike of [
      'http://www.gsxt.gov.cn/index.html', // not https
      'https://www.gsxt.gov.cn.example.com/', // suffix trick
      'https://fake-gsxt.gov.cn/',
      'https://zz.gsxt.gov.cn/', // not a province we know
      'https://www.gsxt.gov.cn:8443/', // another port, another server
      'https://user@www.gsxt.gov.cn/',
      'https://creditchina.gov.cn.cc/',
      'https://beian.miit.gov.cn.evil.example/',
      'not a url',
    ]) expect(registrySiteOf(lookalike), lookalike).toBeNull();
  });

  it('refuses to read a lookalike host, even with a perfect copy of the page', () => {
    expect(read('gsxt-company.html', 'https://www.gsxt.gov.cn.example.com/corp-query-entprise-info-x.html').state).toBe('refused');
    expect(read('gsxt-company.html', 'http://www.gsxt.gov.cn/corp-query-entprise-info-x.html').state).toBe('refused');
  });

  it('has one reader per site, and every file in sites/ is registered', async () => {
    const files = readdirSync(new URL('./sites/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const registered = new Set(Object.values(READERS));
    for (const file of files) {
      const mod = (await import(`./sites/${file}`)) as Record<string, unknown>;
      const readers = Object.values(mod).filter((v) => v && typeof v === 'object' && 'read' in v);
      expect(readers.length, file).toBe(1);
      expect(registered.has(readers[0] as never), `${file} is not in READERS`).toBe(true);
    }
    for (const [site, reader] of Object.entries(READERS)) expect(reader.site).toBe(site);
  });
});

describe('gsxt (国家企业信用信息公示系统)', () => {
  it('reads the company page: name, code, status, current list entries (a removed one marked so)', () => {
    const a = answerOf(read('gsxt-company.html', GSXT_COMPANY));
    expect(a.site).toBe('gsxt');
    expect(a.subject).toEqual({ name: '杭州瑞丰机械设备有限公司', uscc: '91330106MA2H3P7L4H', status: '存续（在营、开业、在册）', state: '存续' });
    expect(a.notFound).toBe(false);
    const abnormal = a.entries.filter((e) => e.list === 'abnormal-operation');
    expect(abnormal).toEqual([
      { list: 'abnormal-operation', reason: '通过登记的住所或者经营场所无法联系的', date: '2024年07月18日', authority: '杭州市西湖区市场监督管理局', removedOn: null },
      { list: 'abnormal-operation', reason: '未按照规定期限公示年度报告的', date: '2021年07月01日', authority: '杭州市西湖区市场监督管理局', removedOn: '2021年09月10日' },
    ]);
    // "暂无数据" is no entry.
    expect(a.entries.filter((e) => e.list === 'serious-dishonest')).toEqual([]);
    expect(a.entries.filter((e) => e.list === 'penalty')).toEqual([{ list: 'penalty', reason: '虚假宣传', date: '2024年03月15日', authority: '杭州市西湖区市场监督管理局', removedOn: null }]);
    expect(a.words).toContain('企业名称：杭州瑞丰机械设备有限公司');
    expect(a.words).toContain('登记状态：存续（在营、开业、在册）');
    expect(a.words).toContain('经营异常名录：通过登记的住所或者经营场所无法联系的');
    expect(a.words).not.toContain('未按照规定期限公示年度报告'); // removed again: not the registry's current word
    expect(answerKeys(a)).toEqual([{ kind: 'uscc', value: '91330106MA2H3P7L4H' }]);
  });

  it('reads a newer company page layout on a provincial host: 吊销 and a serious-dishonest entry', () => {
    const a = answerOf(read('gsxt-company-revoked.html', 'https://gd.gsxt.gov.cn/corp-query-entprise-info-yyy.html'));
    expect(a.subject).toMatchObject({ name: '深圳市潮品优选贸易有限公司', uscc: '91440300MA5G8N2T36', status: '吊销，未注销', state: '吊销' });
    expect(a.entries).toEqual([{ list: 'serious-dishonest', reason: '被列入经营异常名录届满3年仍未履行相关义务', date: '2023-11-20', authority: '深圳市市场监督管理局', removedOn: null }]);
  });

  it('reads a search with one company (name, code, status; no list entries claimed)', () => {
    const a = answerOf(read('gsxt-search-one.html', 'https://www.gsxt.gov.cn/corp-query-search-1.html'));
    expect(a.subject).toEqual({ name: '杭州瑞丰机械设备有限公司', uscc: '91330106MA2H3P7L4H', status: '存续（在营、开业、在册）', state: '存续' });
    expect(a.entries).toEqual([]);
    expect(a.query).toBe('91330106MA2H3P7L4H');
  });

  it('reads "nothing found" for the code in the search box', () => {
    const a = answerOf(read('gsxt-search-none.html', 'https://www.gsxt.gov.cn/corp-query-search-1.html'));
    expect(a.notFound).toBe(true);
    expect(a.subject).toBeNull();
    expect(a.query).toBe('91350200MA2Y7K4P3T');
    expect(a.words).toBe('未查询到相关记录；查询：91350200MA2Y7K4P3T');
    expect(answerKeys(a)).toEqual([{ kind: 'uscc', value: '91350200MA2Y7K4P3T' }]);
  });

  it('a result page in a layout it does not know is unreadable, never an answer', () => {
    expect(read('gsxt-search-unknown.html', 'https://www.gsxt.gov.cn/corp-query-search-1.html')).toMatchObject({ state: 'unreadable', site: 'gsxt' });
    // A company page URL without the fields: unreadable too.
    expect(read('gsxt-search-unknown.html', GSXT_COMPANY)).toMatchObject({ state: 'unreadable', site: 'gsxt' });
    // The home page is no result at all.
    expect(read('gsxt-search-unknown.html', 'https://www.gsxt.gov.cn/index.html')).toEqual({ state: 'no-result', site: 'gsxt' });
  });

  it('"nothing found" without knowing what was searched is unreadable (never not-registered)', () => {
    const doc = parseHTML('<html><body><p>未查询到相关记录</p></body></html>').document as unknown as Document;
    expect(readRegistryPage(doc, 'https://www.gsxt.gov.cn/corp-query-search-1.html').state).toBe('unreadable');
  });
});

describe('信用中国', () => {
  it('reads a subject with a 严重失信主体名单 entry and a penalty', () => {
    const a = answerOf(read('creditchina-subject.html', 'https://www.creditchina.gov.cn/xinyongxinxi/detail.html?keyword=91320506MA1N7P8Q91'));
    expect(a.subject).toMatchObject({ name: '苏州吴中优购电子商务有限公司', uscc: '91320506MA1N7P8Q91', state: '存续' });
    expect(a.entries.map((e) => [e.list, e.reason, e.date, e.authority])).toEqual([
      ['serious-dishonest', '网络交易中提供虚假的商品信息且拒不改正', '2025-02-14', '苏州市吴中区市场监督管理局'],
      ['penalty', '销售不合格产品', '2024-10-08', '苏州市吴中区市场监督管理局'],
    ]);
  });

  it('reads nothing found for the keyword of the URL', () => {
    const a = answerOf(read('creditchina-none.html', 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=91350200MA2Y7K4P3T'));
    expect(a).toMatchObject({ notFound: true, query: '91350200MA2Y7K4P3T', subject: null });
    expect(read('creditchina-none.html', 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=%E7%91%9E%E4%B8%B0').state).toBe('unreadable');
  });
});

describe('ICP 备案 (beian.miit.gov.cn)', () => {
  it('reads the filing, its owner and every domain of its sites', () => {
    const a = answerOf(read('miit-result.html', 'https://beian.miit.gov.cn/#/Integrated/recordQuery'));
    expect(a.subject?.name).toBe('杭州瑞丰机械设备有限公司');
    expect(a.filing).toEqual({ kind: 'icp', number: '浙ICP备2021012345', domains: ['ruifeng-jixie.example.cn', 'ruifeng-parts.example.cn'], siteName: null });
    expect(answerKeys(a)).toEqual([{ kind: 'icp', value: '浙ICP备2021012345' }]);
    expect(a.words).toContain('主办单位名称：杭州瑞丰机械设备有限公司');
  });

  it('reads nothing found (Element UI\'s empty table) for the filing in the search box', () => {
    const a = answerOf(read('miit-none.html', 'https://beian.miit.gov.cn/#/Integrated/recordQuery'));
    expect(a).toMatchObject({ notFound: true, filing: null, query: '浙ICP备2099000001号' });
    expect(answerKeys(a)).toEqual([{ kind: 'icp', value: '浙ICP备2099000001' }]);
  });
});

describe('公安备案 (beian.mps.gov.cn)', () => {
  it('reads the record: owner, number, domain', () => {
    const a = answerOf(read('mps-record.html', 'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011234'));
    expect(a.subject?.name).toBe('杭州瑞丰机械设备有限公司');
    expect(a.filing).toEqual({ kind: 'psb', number: '33010602011234', domains: ['ruifeng-jixie.example.cn'], siteName: '瑞丰机械商城' });
  });

  it('reads nothing found for the code of the query URL', () => {
    const a = answerOf(read('mps-none.html', 'https://beian.mps.gov.cn/#/query/webSearch?code=33010602099999'));
    expect(a).toMatchObject({ notFound: true, query: '33010602099999' });
    expect(answerKeys(a)).toEqual([{ kind: 'psb', value: '33010602099999' }]);
  });
});

describe('the manifest runs the registry reader on exactly these hosts', () => {
  it('matches ALL_REGISTRY_HOSTS over https, nothing else', async () => {
    const { ALL_REGISTRY_HOSTS } = await import('./hosts');
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { content_scripts: { matches: string[]; js: string[] }[] };
    const entry = manifest.content_scripts.find((c) => c.js.includes('extension/registry/registry-content.ts'))!;
    expect([...entry.matches].sort()).toEqual(ALL_REGISTRY_HOSTS.map((h) => `https://${h}/*`).sort());
  });
});
