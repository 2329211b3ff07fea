import type { Badge, IdentifierKind } from '../types';
import type { Lang } from '../i18n/lang';

/**
 * Where a shopper can check each kind of identifier for themselves. Sites that accept a query in the
 * URL get a deep link; the others take the number typed or pasted in, so the UI copies it and opens
 * the site. Data only: the UI renders it, tests check it.
 */
export interface LookupSite {
  id: string;
  name: Record<Lang, string>;
  /** Home or search page (always https unless the site has none). */
  home: string;
  /** Builds a deep link for a value, or null when this value cannot be linked. */
  deepLink?: (value: string) => string | null;
}

const site = (id: string, zh: string, tw: string, en: string, home: string, deepLink?: LookupSite['deepLink']): LookupSite => {
  const s: LookupSite = { id, name: { 'zh-CN': zh, 'zh-TW': tw, en }, home };
  if (deepLink) s.deepLink = deepLink;
  return s;
};

export const SITES = {
  gsxt: site('gsxt', '国家企业信用信息公示系统', '國家企業信用信息公示系統', 'National Enterprise Credit Information Publicity System', 'https://www.gsxt.gov.cn'),
  creditchina: site('creditchina', '信用中国', '信用中國', 'Credit China', 'https://www.creditchina.gov.cn', (v) =>
    `https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=${encodeURIComponent(v)}`),
  zxgk: site('zxgk', '中国执行信息公开网', '中國執行信息公開網', 'China Enforcement Information (court debtors)', 'http://zxgk.court.gov.cn'),
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
  // The ministry's culture-market platform, where 营业性演出许可证 are issued and published.
  mctMarket: site('mct-market', '全国文化市场技术监管与服务平台（文化和旅游部）', '全國文化市場技術監管與服務平台（文化和旅遊部）', 'Culture market platform (Ministry of Culture and Tourism)', 'https://whsq.mr.mct.gov.cn'),
  complaints: site('12315', '全国12315平台（投诉举报）', '全國12315平台（投訴舉報）', '12315 consumer complaints', 'https://www.12315.cn'),
} as const satisfies Record<string, LookupSite>;

/** Which sites check which identifier kind, best first. */
export const LOOKUP_TABLE: Readonly<Record<IdentifierKind, readonly LookupSite[]>> = {
  uscc: [SITES.gsxt, SITES.creditchina, SITES.zxgk],
  regno: [SITES.gsxt, SITES.creditchina],
  orgcode: [SITES.gsxt, SITES.creditchina],
  'icp-filing': [SITES.icp],
  'icp-license': [SITES.dxzhgl],
  'psb-filing': [SITES.psb],
  // Food permits are issued by local market regulators; the national registry lists the holder.
  'food-business': [SITES.gsxt],
  'food-production': [SITES.gsxt],
  'food-online-filing': [SITES.gsxt],
  'culture-license': [SITES.gsxt],
  'drug-info': [SITES.nmpa],
  'drug-trade': [SITES.nmpa],
  'device-platform-filing': [SITES.nmpa],
  'device-business': [SITES.nmpa],
  publication: [SITES.nppa],
  permit: [SITES.gsxt],
  'broadcast-license': [SITES.nrta],
  'av-program-license': [SITES.nrta],
  'performance-license': [SITES.mctMarket],
  'online-publishing-license': [SITES.nppa],
  'drug-device-info-filing': [SITES.nmpa],
  // Issued by local market regulators until 2015; the national registry lists the holder.
  'food-circulation': [SITES.gsxt],
};

/** One way to check one value: open `url`; when `copy` is set, paste that value into the site's search. */
export interface Lookup {
  site: LookupSite;
  url: string;
  copy: string | null;
}

/** The lookups for an identifier, deep links where the site takes them. */
export function lookupsFor(kind: IdentifierKind, value: string): Lookup[] {
  return LOOKUP_TABLE[kind].map((s) => {
    const deep = s.deepLink?.(value) ?? null;
    return deep ? { site: s, url: deep, copy: null } : { site: s, url: s.home, copy: value };
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
  return { site: SITES.gsxt, url: url.href, copy: null };
}
