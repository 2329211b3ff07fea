import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { DataLookups } from '../feed/lookup-types';
import { readRegistryPage } from '../registries/read-registry-page';
import { answerKeys } from '../registries/query-key';
import type { RegistryLookup } from '../feed/registry-lookup';
import { scanPage } from '../scan/scan-page';
import type { PageFacts } from '../scan/facts';
import { judge } from './judge';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (path: string) => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url), 'utf8');
const AT = Date.UTC(2026, 11, 1);

/** The real reader on a saved registry page, as the user's cache would hold its answer. */
function asked(file: string, url: string): RegistryLookup {
  const reading = readRegistryPage(doc(fixture(`registries/${file}`)), url);
  if (reading.state !== 'answer') throw new Error(`${file}: ${reading.state}`);
  const key = answerKeys(reading.answer)[0]!;
  return { ...key, state: 'answered', answer: reading.answer, at: AT };
}

const facts = (html: string, url: string): PageFacts => ({ ...scanPage(doc(html), { url }), store: null });
const lookups = (registry: RegistryLookup[]): DataLookups => ({ matches: [], entities: [], status: { state: 'none', feeds: [] }, registry });
const verdictOf = (f: PageFacts, registry: RegistryLookup[], lang: 'zh-CN' | 'en' = 'zh-CN') => judge(f, { lang, lookups: lookups(registry) }).verdict;

const BORROWED = facts(fixture('demo/borrowed-license.html'), 'https://youpin-jiaju.example.cn/item/88');
const GSXT_COMPANY = asked('gsxt-company.html', 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html');

const shopShowing = (lines: string) => `<html><body><h1>瑞丰官方商城</h1><p>价格 ￥99 <button>立即购买</button></p><footer>${lines}</footer></body></html>`;

describe('list rules fed by the registry answers the shopper brought back', () => {
  it('a borrowed licence: the registry names another company → name-mismatch (danger), in the registry\'s words', () => {
    const v = verdictOf(BORROWED, [GSXT_COMPANY]);
    expect(v.level).toBe('danger');
    const f = v.findings.find((x) => x.code === 'name-mismatch')!;
    expect(f.message).toBe('页面显示的企业名称“杭州优品家居有限公司”与统一社会信用代码 91330106MA2H3P7L4H 的登记名称“杭州瑞丰机械设备有限公司”不符');
    expect(f.evidence).toBe('国家企业信用信息公示系统（2026-12-01 查询）：企业名称：杭州瑞丰机械设备有限公司；统一社会信用代码：91330106MA2H3P7L4H；登记状态：存续（在营、开业、在册）');
    expect(f.params.registryUrl).toBe('https://www.gsxt.gov.cn/corp-query-entprise-info-x.html');
    expect(f.ref).toBeTypeOf('number'); // "show on page" still leads to the licence the page shows
    // Its current 经营异常 entry is a warning; the entry removed in 2021 and the penalty are not findings.
    const abnormal = v.findings.filter((x) => x.code === 'abnormal-operation');
    expect(abnormal.map((x) => x.params.reason)).toEqual(['通过登记的住所或者经营场所无法联系的']);
    expect(abnormal[0]!.evidence).toBe('国家企业信用信息公示系统（2026-12-01 查询）：经营异常名录：通过登记的住所或者经营场所无法联系的，杭州市西湖区市场监督管理局，2024年07月18日');
    expect(v.findings.map((x) => x.code)).not.toContain('blacklisted');
  });

  it('a name differing only in script, width, brackets or spaces is no mismatch', () => {
    const same = structuredClone(GSXT_COMPANY) as Extract<RegistryLookup, { state: 'answered' }>;
    same.answer.subject!.name = '杭州 優品家居（有限）公司'.replace('（有限）', '有限');
    same.answer.entries = [];
    expect(verdictOf(BORROWED, [same]).findings.map((f) => f.code)).not.toContain('name-mismatch');
    same.answer.subject!.name = '杭州优品家居有限公司'.normalize('NFKC').replace('杭州', '杭州　');
    expect(verdictOf(BORROWED, [same]).findings.map((f) => f.code)).not.toContain('name-mismatch');
  });

  it('吊销 on the registry → deregistered; its 严重违法失信 entry → blacklisted', () => {
    const page = facts(fixture('demo/spoofed-badge.html'), 'https://chaopin.example.cn/');
    const v = verdictOf(page, [asked('gsxt-company-revoked.html', 'https://gd.gsxt.gov.cn/corp-query-entprise-info-y.html')], 'en');
    const codes = v.findings.map((f) => f.code);
    expect(codes).toContain('deregistered');
    expect(codes).toContain('blacklisted');
    expect(v.findings.find((f) => f.code === 'deregistered')!.message).toContain('has had its business license revoked');
    expect(v.findings.find((f) => f.code === 'blacklisted')!.params.reason).toBe('被列入经营异常名录届满3年仍未履行相关义务');
  });

  it('the registry found nothing for the code the shop shows → not-registered (danger), the registry page as evidence', () => {
    const page = facts(shopShowing('营业执照 统一社会信用代码：91350200MA2Y7K4P3T'), 'https://ruifeng.example.cn/');
    const v = verdictOf(page, [asked('gsxt-search-none.html', 'https://www.gsxt.gov.cn/corp-query-search-1.html')]);
    expect(v.level).toBe('danger');
    const f = v.findings.find((x) => x.code === 'not-registered')!;
    expect(f.message).toBe('国家企业信用信息公示系统查不到页面展示的统一社会信用代码 91350200MA2Y7K4P3T');
    expect(f.evidence).toContain('未查询到相关记录；查询：91350200MA2Y7K4P3T');
  });

  it('an ICP filing of another website → filing-mismatch; on the filed domain (or under it), nothing', () => {
    const icp = asked('miit-result.html', 'https://beian.miit.gov.cn/#/Integrated/recordQuery');
    const html = shopShowing('<a href="https://beian.miit.gov.cn/">浙ICP备2021012345号-1</a>');
    const elsewhere = verdictOf(facts(html, 'https://cheap-parts-outlet.example.com/p/1'), [icp]);
    expect(elsewhere.findings.find((f) => f.code === 'filing-mismatch')?.message).toBe(
      '备案号 浙ICP备2021012345 登记的是“杭州瑞丰机械设备有限公司”的网站 ruifeng-jixie.example.cn、ruifeng-parts.example.cn，不是本网站 cheap-parts-outlet.example.com',
    );
    expect(elsewhere.level).toBe('danger');
    for (const url of ['https://www.ruifeng-parts.example.cn/', 'https://shop.ruifeng-jixie.example.cn/a']) {
      expect(verdictOf(facts(html, url), [icp]).findings.map((f) => f.code), url).not.toContain('filing-mismatch');
    }
  });

  it('a 公安 filing of another website → filing-mismatch', () => {
    const psb = asked('mps-record.html', 'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011234');
    const page = facts(shopShowing('浙公网安备 33010602011234号'), 'https://cheap-parts-outlet.example.com/');
    expect(verdictOf(page, [psb]).findings.map((f) => f.code)).toContain('filing-mismatch');
  });

  it('an unreadable registry page is a note, never a verdict', () => {
    const unreadable: RegistryLookup = { kind: 'uscc', value: '91330106MA2H3P7L4H', state: 'unreadable', site: 'gsxt', url: 'https://www.gsxt.gov.cn/corp-query-search-1.html', reason: 'unknown layout', at: AT };
    const v = verdictOf(BORROWED, [unreadable]);
    const f = v.findings.find((x) => x.code === 'registry-unreadable')!;
    expect(f.severity).toBe('info');
    expect(f.message).toBe('未能读取国家企业信用信息公示系统的查询结果（91330106MA2H3P7L4H）');
    // The page's own badge-mismatch is still there; nothing was concluded from the registry.
    expect(v.findings.map((x) => x.code).sort()).toEqual(['badge-mismatch', 'lists-unavailable', 'registry-unreadable']);
  });

  it('without registry answers the same page judges as before', () => {
    expect(verdictOf(BORROWED, []).findings.map((f) => f.code)).toEqual(['badge-mismatch', 'lists-unavailable']);
  });
});
