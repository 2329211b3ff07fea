import { REGISTRY_NAMES } from '../../registries/site-names';
import { makeFinding, type ListRule } from '../rule';

/**
 * The shopper opened a registry result page for this shop, and it was in a layout the extension does
 * not know: it says so, plainly, and concludes nothing.
 */
export const registryUnreadable: ListRule = {
  code: 'registry-unreadable',
  severity: 'info',
  judges: 'lists',
  topic: 'data-status',
  message: {
    'zh-CN': '未能读取{registry}的查询结果（{value}）',
    'zh-TW': '未能讀取{registry}的查詢結果（{value}）',
    en: 'Could not read the answer of {registry} ({value})',
  },
  advice: {
    'zh-CN': '这不代表有问题，也不代表没有问题。请在打开的官方页面上自行核对名称、状态和异常记录。',
    'zh-TW': '這不代表有問題，也不代表沒有問題。請在開啟的官方頁面上自行核對名稱、狀態和異常記錄。',
    en: 'This means neither a problem nor a clean result. Check the name, status and any listings yourself on the official page you opened.',
  },
  evaluate({ lookups, lang }) {
    return (lookups.registry ?? []).flatMap((r) =>
      r.state === 'unreadable' ? [makeFinding(registryUnreadable, lang, { registry: REGISTRY_NAMES[r.site][lang], value: r.value }, r.url)] : [],
    );
  },
};
