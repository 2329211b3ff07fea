import type { Badge, Identifier, IdentifierKind } from '../types';
import type { Lang } from '../i18n/lang';

/**
 * Where a shopper can check each kind of identifier for themselves. Sites that accept a query in the
 * URL get a deep link; the others take the value typed or pasted in, so the UI copies it and opens
 * the site. Data only: the UI renders it, tests check it.
 */
export interface LookupSite {
  id: string;
  name: Record<Lang, string>;
  /** Home or search page, https (every site here serves it). */
  home: string;
  /** Builds a deep link for a value, or null when this value cannot be linked. */
  deepLink?: (value: string) => string | null;
}

/** What a site's own search box takes: a company's name, or a number of one of these kinds. */
export type Query = 'name' | IdentifierKind;

const site = (id: string, zh: string, tw: string, en: string, home: string, deepLink?: LookupSite['deepLink']): LookupSite => {
  const s: LookupSite = { id, name: { 'zh-CN': zh, 'zh-TW': tw, en }, home };
  if (deepLink) s.deepLink = deepLink;
  return s;
};

/**
 * 信用中国's own search page (its search box) opens its results with these parameters: the unified
 * credit-code catalogue, every kind of subject, the keyword. A bare `?keyword=` opens a page that
 * does not run the search.
 */
export const creditChinaSearch = (keyword: string) =>
  `https://www.creditchina.gov.cn/xinyongxinxi/index.html?index=0&scenes=defaultScenario&tableName=credit_xyzx_tyshxydm&searchState=2&entityType=1,2,4,5,6,7,8&keyword=${encodeURIComponent(keyword)}`;

export const SITES = {
  gsxt: site('gsxt', '国家企业信用信息公示系统', '國家企業信用信息公示系統', 'National Enterprise Credit Information Publicity System', 'https://www.gsxt.gov.cn'),
  creditchina: site('creditchina', '信用中国', '信用中國', 'Credit China', 'https://www.creditchina.gov.cn', creditChinaSearch),
  zxgk: site('zxgk', '中国执行信息公开网', '中國執行信息公開網', 'China Enforcement Information (court debtors)', 'https://zxgk.court.gov.cn/zhzxgk/'),
  icp: site('icp', 'ICP/IP地址/域名信息备案管理系统', 'ICP/IP位址/域名信息備案管理系統', 'MIIT ICP filing system', 'https://beian.miit.gov.cn'),
  dxzhgl: site('dxzhgl', '电信业务经营许可管理平台', '電信業務經營許可管理平台', 'MIIT telecom licence platform', 'https://dxzhgl.miit.gov.cn'),
  psb: site('psb', '全国互联网安全管理服务平台（公安备案）', '全國互聯網安全管理服務平台（公安備案）', 'Public-security filing (MPS)', 'https://beian.mps.gov.cn', (v) => {
    const digits = v.replace(/\D/g, '');
    return digits.length === 14 ? `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}` : null;
  }),
  nmpa: site('nmpa', '国家药监局数据查询', '國家藥監局數據查詢', 'NMPA data search (drugs, devices)', 'https://www.nmpa.gov.cn/datasearch/home-index.html'),
  // 办事服务 → 从业机构和产品查询: publishers, online publishing services and publication distributors.
  nppa: site('nppa', '国家新闻出版署（从业机构和产品查询）', '國家新聞出版署（從業機構和產品查詢）', 'National Press and Publication Administration (licensee search)', 'https://www.nppa.gov.cn/bsfw/cyjghcpcx/'),
  nrta: site('nrta', '国家广播电视总局', '國家廣播電視總局', 'National Radio and Television Administration', 'https://www.nrta.gov.cn'),
  // The ministry's culture-market platform: 营业性演出许可证 and 网络文化经营许可证 are issued and published there.
  mctMarket: site('mct-market', '全国文化市场技术监管与服务平台（文化和旅游部）', '全國文化市場技術監管與服務平台（文化和旅遊部）', 'Culture market platform (Ministry of Culture and Tourism)', 'https://whsq.mr.mct.gov.cn'),
  complaints: site('12315', '全国12315平台（投诉举报）', '全國12315平台（投訴舉報）', '12315 consumer complaints', 'https://www.12315.cn'),
} as const satisfies Record<string, LookupSite>;

/**
 * What each site's search can find, as its own search box says. gsxt: 企业名称、统一社会信用代码或
 * 注册号 — not permit numbers, which it lists only under the company. 信用中国: names and credit codes.
 * The court's enforcement list asks for the debtor's name (a number alone finds nothing).
 */
export const SEARCHES: Readonly<Record<keyof typeof SITES, readonly Query[]>> = {
  gsxt: ['name', 'uscc', 'regno'],
  creditchina: ['name', 'uscc'],
  zxgk: ['name'],
  icp: ['name', 'icp-filing'],
  dxzhgl: ['name', 'icp-license'],
  psb: ['psb-filing'],
  nmpa: ['drug-info', 'drug-trade', 'device-platform-filing', 'device-business', 'drug-device-info-filing'],
  nppa: ['publication', 'online-publishing-license'],
  nrta: ['broadcast-license', 'av-program-license'],
  mctMarket: ['performance-license', 'culture-license'],
  complaints: [],
};

/** What `s`'s search can find (SEARCHES). */
export function searchesOf(s: LookupSite): readonly Query[] {
  const key = (Object.keys(SITES) as (keyof typeof SITES)[]).find((k) => SITES[k] === s);
  return key ? SEARCHES[key] : [];
}

/** One row of LOOKUP_TABLE: a site, searched for the number itself or for its holder's name. */
export interface LookupRoute {
  site: LookupSite;
  by: 'value' | 'name';
}

const byValue = (s: LookupSite): LookupRoute => ({ site: s, by: 'value' });
const byName = (s: LookupSite): LookupRoute => ({ site: s, by: 'name' });

/**
 * Which sites check which identifier kind, best first, and with what: the number where the site
 * searches numbers of that kind, else the holder's name (a food permit is found on gsxt under its
 * company). Every route is one its site's search can answer (SEARCHES; tested).
 */
export const LOOKUP_TABLE: Readonly<Record<IdentifierKind, readonly LookupRoute[]>> = {
  uscc: [byValue(SITES.gsxt), byValue(SITES.creditchina), byName(SITES.zxgk)],
  regno: [byValue(SITES.gsxt), byName(SITES.creditchina)],
  orgcode: [byName(SITES.gsxt), byName(SITES.creditchina)],
  'icp-filing': [byValue(SITES.icp)],
  'icp-license': [byValue(SITES.dxzhgl)],
  'psb-filing': [byValue(SITES.psb)],
  // Issued by local market regulators, searchable nowhere by number: gsxt lists them under the holder.
  'food-business': [byName(SITES.gsxt)],
  'food-production': [byName(SITES.gsxt)],
  'food-online-filing': [byName(SITES.gsxt)],
  'food-circulation': [byName(SITES.gsxt)],
  'culture-license': [byValue(SITES.mctMarket)],
  'drug-info': [byValue(SITES.nmpa)],
  'drug-trade': [byValue(SITES.nmpa)],
  'device-platform-filing': [byValue(SITES.nmpa)],
  'device-business': [byValue(SITES.nmpa)],
  publication: [byValue(SITES.nppa)],
  permit: [byName(SITES.gsxt)],
  'broadcast-license': [byValue(SITES.nrta)],
  'av-program-license': [byValue(SITES.nrta)],
  'performance-license': [byValue(SITES.mctMarket)],
  'online-publishing-license': [byValue(SITES.nppa)],
  'drug-device-info-filing': [byValue(SITES.nmpa)],
};

/**
 * One way to check one value: open `url`; when `copy` is set, paste it into the site's search box.
 * `by` says what is searched: the number, or the name of the company the page says holds it.
 */
export interface Lookup {
  site: LookupSite;
  url: string;
  copy: string | null;
  by: 'value' | 'name';
}

function lookupOf(s: LookupSite, query: string, by: Lookup['by']): Lookup {
  const deep = s.deepLink?.(query) ?? null;
  return deep ? { site: s, url: deep, copy: null, by } : { site: s, url: s.home, copy: query, by };
}

/**
 * The lookups for an identifier, deep links where the site takes them. A route by name is offered
 * only with the company name the page gives (`companyName`); without one it is left out, since the
 * site cannot find the number.
 */
export function lookupsFor(kind: IdentifierKind, value: string, companyName: string | null = null): Lookup[] {
  return LOOKUP_TABLE[kind].flatMap((r) => {
    if (r.by === 'value') return [lookupOf(r.site, value, 'value')];
    return companyName ? [lookupOf(r.site, companyName, 'name')] : [];
  });
}

/**
 * The shop's own verification link, when it goes to the official 亮照 host over http(s): the one
 * badge link worth following. Anything else the page wrote is never offered as a link.
 */
export function badgeLookup(badge: Pick<Badge, 'href' | 'host' | 'official'>): Lookup | null {
  if (!badge.official || !/(^|\.)gsxt\.gov\.cn$/.test(badge.host)) return null;
  let url: URL;
  try {
    url = new URL(badge.href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname !== badge.host) return null;
  return { site: SITES.gsxt, url: url.href, copy: null, by: 'value' };
}

/** What a badge claims to verify: a 公安 filing, an ICP filing, or the business licence (亮照). */
export function badgeKind(badge: Pick<Badge, 'claims' | 'authority' | 'host'>): 'psb' | 'icp' | 'license' {
  const said = `${badge.claims} ${badge.authority ?? ''} ${badge.host}`;
  if (/公安|公網|公网|网警|網警|beian\.mps|mps\.gov/i.test(said)) return 'psb';
  if (/ICP|工信|beian\.miit|miit\.gov/i.test(said)) return 'icp';
  return 'license';
}

/**
 * Where to check what a badge claims, when its own link cannot be trusted: the site of the badge's
 * kind, with the number the badge or the page carries (a 14-digit 公安 number deep-links).
 */
export function badgeFallback(badge: Pick<Badge, 'claims' | 'authority' | 'host' | 'embedded'>, identifiers: readonly Pick<Identifier, 'kind' | 'value'>[]): Lookup {
  const kind = badgeKind(badge);
  if (kind === 'psb') {
    const number = badge.embedded.find((e) => /^\d{14}$/.test(e)) ?? identifiers.find((i) => i.kind === 'psb-filing')?.value;
    return number ? lookupsFor('psb-filing', number)[0]! : { site: SITES.psb, url: SITES.psb.home, copy: null, by: 'value' };
  }
  if (kind === 'icp') {
    const number = identifiers.find((i) => i.kind === 'icp-filing')?.value;
    return number ? lookupsFor('icp-filing', number)[0]! : { site: SITES.icp, url: SITES.icp.home, copy: null, by: 'value' };
  }
  const code = badge.embedded.find((e) => /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(e)) ?? identifiers.find((i) => i.kind === 'uscc')?.value;
  return code ? lookupsFor('uscc', code)[0]! : { site: SITES.gsxt, url: SITES.gsxt.home, copy: null, by: 'value' };
}
