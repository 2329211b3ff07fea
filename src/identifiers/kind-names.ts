import type { Lang } from '../i18n/lang';
import type { IdentifierKind } from '../types';

/** What each identifier kind is called, in each UI language. */
export const KIND_NAMES: Record<IdentifierKind, Record<Lang, string>> = {
  uscc: { 'zh-CN': '统一社会信用代码', 'zh-TW': '統一社會信用代碼', en: 'Unified social credit code' },
  regno: { 'zh-CN': '工商注册号', 'zh-TW': '工商註冊號', en: 'Business registration number' },
  orgcode: { 'zh-CN': '组织机构代码', 'zh-TW': '組織機構代碼', en: 'Organization code' },
  'icp-filing': { 'zh-CN': 'ICP备案号', 'zh-TW': 'ICP備案號', en: 'ICP filing' },
  'icp-license': { 'zh-CN': 'ICP经营许可证', 'zh-TW': 'ICP經營許可證', en: 'ICP operating license' },
  'psb-filing': { 'zh-CN': '公安联网备案号', 'zh-TW': '公安聯網備案號', en: 'Public-security filing' },
  'food-business': { 'zh-CN': '食品经营许可证', 'zh-TW': '食品經營許可證', en: 'Food business permit' },
  'food-production': { 'zh-CN': '食品生产许可证', 'zh-TW': '食品生產許可證', en: 'Food production permit' },
  'food-online-filing': { 'zh-CN': '网络食品经营备案', 'zh-TW': '網絡食品經營備案', en: 'Online food trade filing' },
  'culture-license': { 'zh-CN': '网络文化经营许可证', 'zh-TW': '網絡文化經營許可證', en: 'Online culture license' },
  'drug-info': { 'zh-CN': '互联网药品信息服务资格证书', 'zh-TW': '互聯網藥品信息服務資格證書', en: 'Online drug information certificate' },
  'drug-trade': { 'zh-CN': '互联网药品交易服务资格证书', 'zh-TW': '互聯網藥品交易服務資格證書', en: 'Online drug trade certificate' },
  'device-platform-filing': { 'zh-CN': '医疗器械网络交易服务平台备案', 'zh-TW': '醫療器械網絡交易服務平台備案', en: 'Medical device platform filing' },
  'device-business': { 'zh-CN': '医疗器械经营许可/备案', 'zh-TW': '醫療器械經營許可/備案', en: 'Medical device business permit' },
  publication: { 'zh-CN': '出版物经营许可证', 'zh-TW': '出版物經營許可證', en: 'Publication business permit' },
  permit: { 'zh-CN': '许可证/备案', 'zh-TW': '許可證/備案', en: 'Permit or filing' },
  'broadcast-license': { 'zh-CN': '广播电视节目制作经营许可证', 'zh-TW': '廣播電視節目製作經營許可證', en: 'Radio and TV programme production licence' },
  'av-program-license': { 'zh-CN': '信息网络传播视听节目许可证', 'zh-TW': '信息網絡傳播視聽節目許可證', en: 'Online audio-visual programme licence' },
  'performance-license': { 'zh-CN': '营业性演出许可证', 'zh-TW': '營業性演出許可證', en: 'Commercial performance licence' },
  'online-publishing-license': { 'zh-CN': '网络出版服务许可证', 'zh-TW': '網絡出版服務許可證', en: 'Online publishing licence' },
  'drug-device-info-filing': { 'zh-CN': '药品医疗器械网络信息服务备案', 'zh-TW': '藥品醫療器械網絡信息服務備案', en: 'Online drug and device information filing' },
  'food-circulation': { 'zh-CN': '食品流通许可证', 'zh-TW': '食品流通許可證', en: 'Food circulation permit (before 2015)' },
};
