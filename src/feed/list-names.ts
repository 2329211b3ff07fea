import type { Lang } from '../i18n/lang';
import type { ListName } from './format';

/** Display names of the lists, in every UI language. */
export const LIST_TITLES: Record<ListName, Record<Lang, string>> = {
  'serious-dishonest': { 'zh-CN': '严重违法失信名单', 'zh-TW': '嚴重違法失信名單', en: 'list of seriously illegal and dishonest entities' },
  'abnormal-operation': { 'zh-CN': '经营异常名录', 'zh-TW': '經營異常名錄', en: 'list of abnormal operations' },
  'court-dishonest': { 'zh-CN': '失信被执行人名单', 'zh-TW': '失信被執行人名單', en: 'list of dishonest judgment debtors' },
  'fraud-domain': { 'zh-CN': '假冒/钓鱼网站名单', 'zh-TW': '假冒/釣魚網站名單', en: 'list of fake and phishing sites' },
  community: { 'zh-CN': '经审核的用户举报', 'zh-TW': '經審核的用戶舉報', en: 'reviewed user reports' },
};

/** Words for a hit whose details could not be fetched (the hit itself is certain). */
export const DETAILS_MISSING: Record<Lang, string> = {
  'zh-CN': '（详情暂时无法获取）',
  'zh-TW': '（詳情暫時無法取得）',
  en: '(details could not be loaded)',
};
