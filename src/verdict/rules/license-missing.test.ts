import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Badge, Finding, Identifier } from '../../types';
import type { Lang } from '../../i18n/lang';
import type { PageFacts } from '../../scan/facts';
import { classifyPage, type PageClass } from '../../platforms/classify-page';
import { scanPage } from '../../scan/scan-page';
import { licenseMissing as licenseMissingRule } from './license-missing';

/** The rule's finding for a page read as `scan`, classified as `page`; null when it stays quiet. */
function licenseMissing(scan: Omit<PageFacts, 'store'>, page: PageClass, lang: Lang): Finding | null {
  return licenseMissingRule.evaluate({ facts: { ...scan, store: page }, lang })[0] ?? null;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/platforms');
const load = (name: string) => parseHTML(readFileSync(join(fixtures, name), 'utf8')).document as unknown as Document;

const empty = (url: string): Omit<PageFacts, 'store'> => ({ url, identifiers: [], licenses: [], badges: [] });

const uscc: Identifier = { kind: 'uscc', value: '91440101MA5CKX2R1G', valid: true, problems: [], label: '统一社会信用代码', source: 'text', evidence: '统一社会信用代码：91440101MA5CKX2R1G', count: 1 };
const badge = (over: Partial<Badge>): Badge => ({ href: 'https://x/', host: 'x', claims: '', official: false, authority: null, selfHosted: false, embedded: [], ...over });

const INDIE = 'https://www.shanchahua-shop.example/products/soap-01';
const shopPage: PageClass = { platform: null, pageType: 'product', licensePageUrl: null, shopSignals: ['price', 'buy-button'], shopConfidence: 'high', licenseExpected: true };

describe('license-missing rule data', () => {
  it('is a caution, never worse', () => {
    expect(licenseMissingRule.code).toBe('license-missing');
    expect(licenseMissingRule.severity).toBe('caution');
  });
  it('says it is not proof of fraud, in every language', () => {
    expect(licenseMissingRule.message['zh-CN']).toContain('不能证明是欺诈');
    expect(licenseMissingRule.message['zh-TW']).toContain('不能證明是詐騙');
    expect(licenseMissingRule.message.en).toContain('not proof of fraud');
    for (const m of Object.values(licenseMissingRule.message)) expect(m).toContain('gsxt');
  });
});

describe('licenseMissing on fixtures (real classifier and scanner)', () => {
  it('fires on an independent shop without license or license link', () => {
    const doc = load('generic/indie-shop.html');
    const f = licenseMissing(scanPage(doc, { url: INDIE }), classifyPage(INDIE, doc), 'zh-CN');
    expect(f).not.toBeNull();
    expect(f!.code).toBe('license-missing');
    expect(f!.severity).toBe('caution');
    expect(f!.message).toContain('此网店页面没有展示营业执照');
    // What was looked for, in words; the classifier's diagnostics stay in the params (the CLI's JSON).
    expect(f!.evidence).toBe('本页未找到营业执照、证照信息或亮照链接');
    expect(f!.params.signals).toContain('buy-button');
  });

  it('speaks English and names the platform', () => {
    const url = 'https://haohuo.jinritemai.com/views/product/item2?id=3612345678901234567';
    const doc = load('douyin.html');
    const f = licenseMissing(scanPage(doc, { url }), classifyPage(url, doc), 'en');
    expect(f?.message).toMatch(/^This Douyin Shop product page shows no business license and links to none; that is not proof of fraud/);
    expect(f?.params.platform).toBe('douyin');
    expect(f?.evidence).toBe('No business licence, licence information or licence-badge link was found on this page');
  });

  it('stays quiet on a shop that links its license page', () => {
    const doc = load('generic/indie-shop-license-link.html');
    expect(licenseMissing(scanPage(doc, { url: INDIE }), classifyPage(INDIE, doc), 'zh-CN')).toBeNull();
  });

  it('stays quiet on a news page', () => {
    const url = 'https://news.example.cn/2024/06/soap.html';
    const doc = load('generic/news.html');
    expect(licenseMissing(scanPage(doc, { url }), classifyPage(url, doc), 'zh-CN')).toBeNull();
  });

  it('stays quiet where the platform gives the license page (JD venderId)', () => {
    const url = 'https://item.jd.com/100012345678.html';
    const doc = load('jd.html');
    expect(licenseMissing(scanPage(doc, { url }), classifyPage(url, doc), 'zh-CN')).toBeNull();
  });

  it('stays quiet on Xianyu, whose individual sellers need no license', () => {
    const url = 'https://www.goofish.com/item?id=765432109876';
    const doc = load('xianyu.html');
    expect(licenseMissing(scanPage(doc, { url }), classifyPage(url, doc), 'zh-CN')).toBeNull();
  });

  it('stays quiet on a malformed page', () => {
    const doc = load('generic/malformed.html');
    const url = 'https://broken.example/';
    expect(() => licenseMissing(scanPage(doc, { url }), classifyPage(url, doc), 'zh-CN')).not.toThrow();
  });
});

describe('licenseMissing on hand-built scans', () => {
  it('fires on a high-confidence shop with nothing', () => {
    expect(licenseMissing(empty(INDIE), shopPage, 'zh-CN')?.code).toBe('license-missing');
  });

  it('counts a shown USCC, even an invalid one (id-invalid speaks for that)', () => {
    expect(licenseMissing({ ...empty(INDIE), identifiers: [uscc] }, shopPage, 'zh-CN')).toBeNull();
    expect(licenseMissing({ ...empty(INDIE), identifiers: [{ ...uscc, valid: false, problems: ['check-character'] }] }, shopPage, 'zh-CN')).toBeNull();
  });

  it('counts a license block', () => {
    const lic = { heading: '营业执照信息', name: '广州青禾生活用品有限公司', uscc: null, regno: null, legalRepresentative: null, address: null, authority: null, established: null, validity: null, scope: null, evidence: '营业执照信息' };
    expect(licenseMissing({ ...empty(INDIE), licenses: [lic] }, shopPage, 'zh-CN')).toBeNull();
  });

  it('counts an official 亮照 badge but not a 公安 or a lookalike one', () => {
    const gsxt = badge({ host: 'zzlz.gsxt.gov.cn', claims: '电子营业执照亮照', official: true, authority: '国家企业信用信息公示系统' });
    expect(licenseMissing({ ...empty(INDIE), badges: [gsxt] }, shopPage, 'zh-CN')).toBeNull();
    const psb = badge({ host: 'beian.mps.gov.cn', claims: '公安备案', official: true, authority: '全国互联网安全管理服务平台（公安备案）', embedded: ['44010602000001'] });
    expect(licenseMissing({ ...empty(INDIE), badges: [psb] }, shopPage, 'zh-CN')).not.toBeNull();
    const fake = badge({ host: 'gsxt-verify.shop-cert.example.com', claims: '电子营业执照亮照' });
    expect(licenseMissing({ ...empty(INDIE), badges: [fake] }, shopPage, 'zh-CN')).not.toBeNull();
  });

  it('does not count an ICP filing as a license', () => {
    const icp: Identifier = { ...uscc, kind: 'icp-filing', value: '粤ICP备2023045678号-1', label: 'ICP备案号' };
    expect(licenseMissing({ ...empty(INDIE), identifiers: [icp] }, shopPage, 'zh-CN')).not.toBeNull();
  });

  it('needs a store page', () => {
    expect(licenseMissing(empty(INDIE), { ...shopPage, shopConfidence: 'medium', pageType: 'other' }, 'zh-CN')).toBeNull();
    expect(licenseMissing(empty(INDIE), { ...shopPage, platform: 'taobao', pageType: 'other' }, 'zh-CN')).toBeNull();
    expect(licenseMissing(empty(INDIE), { ...shopPage, platform: 'taobao', pageType: 'shop', shopConfidence: 'none' }, 'zh-TW')?.message).toMatch(/^此淘寶\/天貓店鋪頁沒有展示營業執照/);
    expect(licenseMissing(empty(INDIE), { ...shopPage, licensePageUrl: 'https://shop.example/license' }, 'zh-CN')).toBeNull();
  });
});
