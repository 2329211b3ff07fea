import { evidenceOf } from '../data-evidence';
import { makeFinding, type ListRule } from '../rule';

/**
 * The business is on a red list (守信激励): good news, shown apart from the problems found. It does not
 * vouch for this shop page, and the advice says so.
 */
export const redlisted: ListRule = {
  code: 'redlisted',
  severity: 'info',
  judges: 'lists',
  topic: 'good-news',
  message: {
    'zh-CN': '{name}（{uscc}）列入红名单：{lists}',
    'zh-TW': '{name}（{uscc}）列入紅名單：{lists}',
    en: '{name} ({uscc}) is on red list(s): {lists}',
  },
  advice: {
    'zh-CN': '红名单说明该企业信用良好，但不能证明这个网店真的属于它：请同时核对页面上的名称和号码。',
    'zh-TW': '紅名單說明該企業信用良好，但不能證明這個網店真的屬於它：請同時核對頁面上的名稱和號碼。',
    en: 'A red list means good credit, but it does not prove this shop belongs to that business: check the name and numbers on the page too.',
  },
  evaluate({ facts, lookups, lang }) {
    return lookups.entities.flatMap((e) => {
      if (e.state !== 'found' || !e.record.redlists.length) return [];
      const at = evidenceOf(facts, 'uscc', e.uscc);
      return [makeFinding(redlisted, lang, { uscc: e.uscc, name: e.record.name, lists: e.record.redlists.join(lang === 'en' ? ', ' : '、') }, at.evidence, at.ref)];
    });
  },
};
