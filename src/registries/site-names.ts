import type { Lang } from '../i18n/lang';
import type { RegistrySiteId } from '../feed/registry-answer';

/** Each registry's name, as findings and the panel say where an answer came from. */
export const REGISTRY_NAMES: Readonly<Record<RegistrySiteId, Record<Lang, string>>> = {
  gsxt: { 'zh-CN': '国家企业信用信息公示系统', 'zh-TW': '國家企業信用信息公示系統', en: 'the National Enterprise Credit Information Publicity System' },
  creditchina: { 'zh-CN': '信用中国', 'zh-TW': '信用中國', en: 'Credit China' },
  miit: { 'zh-CN': 'ICP/IP地址/域名信息备案管理系统', 'zh-TW': 'ICP/IP位址/域名信息備案管理系統', en: 'the MIIT ICP filing system' },
  mps: { 'zh-CN': '全国互联网安全管理服务平台', 'zh-TW': '全國互聯網安全管理服務平台', en: 'the public-security filing platform' },
};
