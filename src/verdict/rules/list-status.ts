import { makeFinding, type ListRule } from '../rule';

/**
 * Status findings: when lists are missing, stale, or a lookup failed, the panel must say that the
 * data checks were not (fully) done. Unknown is never the same as clean.
 */
export const listsUnavailable: ListRule = {
  code: 'lists-unavailable',
  severity: 'info',
  judges: 'lists',
  topic: 'data-status',
  message: {
    'zh-CN': '尚未加载黑名单与信用数据，未能核对黑名单、吊销/注销和信用等级',
    'zh-TW': '尚未載入黑名單與信用資料，未能核對黑名單、吊銷/註銷和信用等級',
    en: 'No black list or credit data is loaded: black lists, revocations and credit levels were not checked',
  },
  advice: {
    'zh-CN': '这不代表该店没有问题。请在设置中订阅数据源，或到国家企业信用信息公示系统（www.gsxt.gov.cn）自行查询。',
    'zh-TW': '這不代表該店沒有問題。請在設定中訂閱資料源，或到國家企業信用信息公示系統（www.gsxt.gov.cn）自行查詢。',
    en: 'This does not mean the shop is clean. Subscribe to a feed in the settings, or check www.gsxt.gov.cn yourself.',
  },
  evaluate({ facts, lookups, lang }) {
    if (!pageHasIds(facts) || lookups.status.state !== 'none') return [];
    return [makeFinding(listsUnavailable, lang, {}, facts.url)];
  },
};

export const listsStale: ListRule = {
  code: 'lists-stale',
  severity: 'info',
  judges: 'lists',
  topic: 'data-status',
  message: {
    'zh-CN': '黑名单数据“{feeds}”已过期（最后更新 {since}），新近列入的企业可能查不到',
    'zh-TW': '黑名單資料「{feeds}」已過期（最後更新 {since}），新近列入的企業可能查不到',
    en: 'The list data “{feeds}” is out of date (last updated {since}); recent listings may be missing',
  },
  advice: {
    'zh-CN': '扩展正在使用上一次成功下载的数据。{error}',
    'zh-TW': '擴充功能正在使用上一次成功下載的資料。{error}',
    en: 'The extension is using the last list it downloaded successfully. {error}',
  },
  evaluate({ facts, lookups, lang }) {
    const { status } = lookups;
    if (!pageHasIds(facts) || (status.state !== 'stale' && status.state !== 'error')) return [];
    const bad = status.feeds.filter((f) => f.stale || f.error);
    const since = bad.map((f) => (f.lastSuccess ? new Date(f.lastSuccess).toISOString().slice(0, 10) : '—')).join(', ');
    const params = { feeds: bad.map((f) => f.name).join(', '), since, error: bad.map((f) => f.error).filter(Boolean).join('; ') };
    return [makeFinding(listsStale, lang, params, bad.map((f) => f.url).join(' '))];
  },
};

export const creditUnknown: ListRule = {
  code: 'credit-unknown',
  severity: 'info',
  judges: 'lists',
  topic: 'data-status',
  message: {
    'zh-CN': '未能查询 {uscc} 的登记状态和信用等级：{reason}',
    'zh-TW': '未能查詢 {uscc} 的登記狀態和信用等級：{reason}',
    en: 'Could not check the registration status and credit level of {uscc}: {reason}',
  },
  advice: {
    'zh-CN': '查不到不代表没有问题。请稍后重试，或到国家企业信用信息公示系统（www.gsxt.gov.cn）自行查询。',
    'zh-TW': '查不到不代表沒有問題。請稍後重試，或到國家企業信用信息公示系統（www.gsxt.gov.cn）自行查詢。',
    en: 'Not being able to check is not a clean result. Try again later, or check www.gsxt.gov.cn yourself.',
  },
  evaluate({ lookups, lang }) {
    if (lookups.status.state === 'none') return [];
    return lookups.entities.flatMap((e) => (e.state === 'unknown' ? [makeFinding(creditUnknown, lang, { uscc: e.uscc, reason: e.reason }, e.uscc)] : []));
  },
};

const pageHasIds = (r: { identifiers: unknown[]; licenses: unknown[] }) => r.identifiers.length > 0 || r.licenses.length > 0;
