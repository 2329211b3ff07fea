import type { Lang } from '../../i18n/lang';
import { answered } from '../../feed/registry-lookup';
import { evidenceOf } from '../data-evidence';
import { registryEvidence, registryParams } from '../registry-evidence';
import { makeFinding, type ListRule } from '../rule';

const KIND_WORDS: Record<string, Record<Lang, string>> = {
  uscc: { 'zh-CN': '统一社会信用代码', 'zh-TW': '統一社會信用代碼', en: 'credit code' },
  icp: { 'zh-CN': 'ICP备案号', 'zh-TW': 'ICP備案號', en: 'ICP filing' },
  psb: { 'zh-CN': '公安备案号', 'zh-TW': '公安備案號', en: 'public-security filing' },
};

/**
 * The official registry, asked by the shopper, found nothing for a number this page shows. Only an
 * answer that names what was searched counts (a "nothing found" page for an unknown query is
 * unreadable, never this), and the registry page is the evidence.
 */
export const notRegistered: ListRule = {
  code: 'not-registered',
  severity: 'danger',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '{registry}查不到页面展示的{kindName} {value}',
    'zh-TW': '{registry}查不到頁面展示的{kindName} {value}',
    en: '{registry} has no record of the {kindName} {value} this page shows',
  },
  advice: {
    'zh-CN': '页面展示的号码在官方系统中不存在，可能是编造的。不要付款；若确认输入无误，可向平台或 12315 举报。查询页面：{registryUrl}',
    'zh-TW': '頁面展示的號碼在官方系統中不存在，可能是編造的。不要付款；若確認輸入無誤，可向平台或 12315 舉報。查詢頁面：{registryUrl}',
    en: 'The number the page shows does not exist in the official system; it may be made up. Do not pay; if you typed it correctly, report the shop to the platform or 12315. Registry page: {registryUrl}',
  },
  evaluate({ facts, lookups, lang }) {
    return answered(lookups.registry)
      .filter((r) => r.answer.notFound)
      .map((r) => {
        const params = { value: r.value, kindName: KIND_WORDS[r.kind]?.[lang] ?? r.kind, ...registryParams(r, lang) };
        return makeFinding(notRegistered, lang, params, registryEvidence(r, lang), evidenceOf(facts, r.kind, r.value).ref);
      });
  },
};
