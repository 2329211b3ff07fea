import type { Lang } from '../../i18n/lang';
import type { PartialReason } from '../../scan/budget';
import { makeFinding, type PageRule } from '../rule';

/**
 * The engine read only part of the page (issue 15): the snapshot was cut at its size limit, the
 * scan used up its time, or the page nests deeper than can be read. What was found stands; the
 * rest was not checked, and the verdict says so rather than read as "nothing found".
 */
export const pagePartlyRead: PageRule = {
  code: 'page-partly-read',
  severity: 'info',
  judges: 'page',
  topic: 'data-status',
  message: {
    'zh-CN': '只读取了此页面的一部分（{why}），其余部分未检查',
    'zh-TW': '只讀取了此頁面的一部分（{why}），其餘部分未檢查',
    en: 'Only part of this page could be read ({why}); the rest was not checked',
  },
  advice: {
    'zh-CN': '未读到的部分可能还有执照、备案或问题，这不代表该店没有问题。请到店铺的执照页面查看，或到国家企业信用信息公示系统（www.gsxt.gov.cn）自行查询。',
    'zh-TW': '未讀到的部分可能還有執照、備案或問題，這不代表該店沒有問題。請到店鋪的執照頁面查看，或到國家企業信用信息公示系統（www.gsxt.gov.cn）自行查詢。',
    en: 'The part not read may hold licenses, filings or problems: this is not a clean result. Look at the shop’s license page, or check www.gsxt.gov.cn yourself.',
  },
  evaluate({ facts, lang }) {
    if (!facts.partial) return [];
    return [makeFinding(pagePartlyRead, lang, { why: WHY[facts.partial][lang] }, facts.url)];
  },
};

const WHY: Record<PartialReason, Record<Lang, string>> = {
  size: { 'zh-CN': '页面过大', 'zh-TW': '頁面過大', en: 'the page is too large' },
  time: { 'zh-CN': '读取超时', 'zh-TW': '讀取逾時', en: 'reading it took too long' },
  depth: { 'zh-CN': '页面嵌套过深', 'zh-TW': '頁面巢狀過深', en: 'the page nests too deep' },
};
