/**
 * Hosts where a verification badge may genuinely point. Government registries are under gov.cn,
 * which no shop can register; a few genuine legacy verification services are not, and the real
 * footers of the big platforms link to them, so they are listed by name.
 */
export interface OfficialHost {
  /** Host suffix (matches the host itself and its subdomains). */
  suffix: string;
  authority: string;
}

export const OFFICIAL_HOSTS: readonly OfficialHost[] = [
  { suffix: 'gsxt.gov.cn', authority: '国家企业信用信息公示系统' },
  { suffix: 'samr.gov.cn', authority: '国家市场监督管理总局' },
  { suffix: 'saic.gov.cn', authority: '原国家工商行政管理总局' },
  { suffix: 'beian.mps.gov.cn', authority: '全国互联网安全管理服务平台（公安备案）' },
  { suffix: 'beian.gov.cn', authority: '全国互联网安全管理服务平台（公安备案，旧址）' },
  { suffix: 'beian.miit.gov.cn', authority: '工业和信息化部 ICP/IP地址/域名信息备案管理系统' },
  { suffix: 'miibeian.gov.cn', authority: '工业和信息化部 ICP 备案（旧址）' },
  { suffix: 'dxzhgl.miit.gov.cn', authority: '电信业务经营许可管理平台' },
  { suffix: 'creditchina.gov.cn', authority: '信用中国' },
  { suffix: 'court.gov.cn', authority: '人民法院' },
  { suffix: 'nmpa.gov.cn', authority: '国家药品监督管理局' },
  { suffix: 'gov.cn', authority: '政府网站' },
  // Genuine, but not under gov.cn.
  { suffix: '12315.cn', authority: '全国12315平台' },
  { suffix: '12377.cn', authority: '中央网信办违法和不良信息举报中心' },
  { suffix: 'cyberpolice.cn', authority: '网络违法犯罪举报网站（网络110）' },
  { suffix: 'szcredit.org.cn', authority: '深圳市市场监督管理局 企业信用网（亮照，旧址）' },
  { suffix: 'szcredit.com.cn', authority: '深圳信用网' },
  { suffix: 'knet.cn', authority: '中网 可信网站验证（CNNIC）' },
  { suffix: 'cnnic.cn', authority: '中国互联网络信息中心' },
  { suffix: 'cnnic.net.cn', authority: '中国互联网络信息中心' },
  { suffix: 'szfw.org', authority: '中国互联网协会 诚信网站/可信网站信用评估' },
  { suffix: 'cecdc.com', authority: '中国电子商务诚信单位（诚信网站）' },
  { suffix: 'itrust.org.cn', authority: '中国互联网协会信用评价中心' },
  { suffix: 'isc.org.cn', authority: '中国互联网协会' },
  { suffix: 'pinpaibao.com.cn', authority: '安全联盟 网站验证' },
  { suffix: 'anquan.org', authority: '安全联盟' },
  { suffix: 'trustutn.org', authority: '可信网站 信用认证' },
  { suffix: 'ebs.org.cn', authority: '中国电子商务协会 诚信认证' },
];

/** The official host entry for a host name, if any. */
export function officialHost(host: string): OfficialHost | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return OFFICIAL_HOSTS.find((o) => h === o.suffix || h.endsWith('.' + o.suffix));
}

/**
 * Sites of one company that link to each other in their footers (Taobao → Tmall, JD → jd.hk…):
 * a link between them is the shop linking to itself, not to a verification service.
 */
const SITE_FAMILIES: readonly string[][] = [
  ['taobao.com', 'tmall.com', 'tmall.hk', 'alibaba.com', '1688.com', 'alicdn.com', 'alipay.com', 'aliyun.com', 'goofish.com', 'alibabagroup.com', 'taobao.global', 'fliggy.com'],
  ['jd.com', 'jd.hk', '360buy.com', 'jdcloud.com', 'jingdong.com', 'jdl.com', '3.cn'],
  ['pinduoduo.com', 'yangkeduo.com', 'pddpic.com'],
  ['douyin.com', 'jinritemai.com', 'bytedance.com', 'snssdk.com', 'toutiao.com'],
  ['kuaishou.com', 'kwaixiaodian.com', 'gifshow.com'],
  ['meituan.com', 'dianping.com', 'ele.me', 'eleme.cn'],
  ['vip.com', 'vipshop.com'],
  ['suning.com', 'suning.cn'],
  ['dangdang.com'],
];

const SECOND_LEVEL = new Set(['com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'com.hk', 'com.tw', 'co.uk', 'com.au', 'co.jp']);

/** The registrable domain of a host (approximate eTLD+1, good enough for Chinese shop hosts). */
export function registrableDomain(host: string): string {
  const parts = host.toLowerCase().replace(/\.$/, '').split('.');
  if (parts.length <= 2 || /^\d+$/.test(parts[parts.length - 1]!)) return parts.join('.');
  const last2 = parts.slice(-2).join('.');
  return SECOND_LEVEL.has(last2) ? parts.slice(-3).join('.') : last2;
}

/** Are two hosts the same site (or sites of one company)? */
export function sameSite(a: string, b: string): boolean {
  const da = registrableDomain(a);
  const db = registrableDomain(b);
  if (da === db) return true;
  return SITE_FAMILIES.some((f) => f.includes(da) && f.includes(db));
}
