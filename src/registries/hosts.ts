import type { RegistrySiteId } from '../feed/registry-answer';

/**
 * The provincial hosts of 国家企业信用信息公示系统, one per province (the two-letter codes its own
 * home page links to: bj.gsxt.gov.cn … xj.gsxt.gov.cn).
 */
const GSXT_PROVINCES = ['bj', 'tj', 'he', 'sx', 'nm', 'ln', 'jl', 'hl', 'sh', 'js', 'zj', 'ah', 'fj', 'jx', 'sd', 'ha', 'hb', 'hn', 'gd', 'gx', 'hi', 'cq', 'sc', 'gz', 'yn', 'xz', 'sn', 'gs', 'qh', 'nx', 'xj'];

/**
 * The exact hosts each registry answers on. Exact names, never suffixes: `gsxt.gov.cn.example.com`
 * or `fake-gsxt.gov.cn.cc` must not pass, and neither must any subdomain we do not know.
 */
export const REGISTRY_HOSTS: Readonly<Record<RegistrySiteId, readonly string[]>> = {
  gsxt: ['www.gsxt.gov.cn', 'gsxt.gov.cn', ...GSXT_PROVINCES.map((p) => `${p}.gsxt.gov.cn`)],
  creditchina: ['www.creditchina.gov.cn'],
  miit: ['beian.miit.gov.cn'],
  // beian.mps.gov.cn is the current 全国互联网安全管理服务平台; www.beian.gov.cn served the same
  // records (registerSystemInfo pages) before it and badges still link there.
  mps: ['beian.mps.gov.cn', 'www.beian.gov.cn'],
};

/** Every registry host, for the content script's `matches` (https only). */
export const ALL_REGISTRY_HOSTS: readonly string[] = Object.values(REGISTRY_HOSTS).flat();

/** The registry a URL belongs to: https and an exact host of the table, else null. */
export function registrySiteOf(url: string): RegistrySiteId | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // https only: a registry answer read over http could have been written by anyone on the way.
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return null;
  const host = parsed.hostname.toLowerCase();
  for (const [site, hosts] of Object.entries(REGISTRY_HOSTS) as [RegistrySiteId, readonly string[]][]) {
    if (hosts.includes(host)) return site;
  }
  return null;
}
