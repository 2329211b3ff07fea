import { canonicalKey } from '../../feed/keys';
import { namesMatch } from '../../lists/company-name';
import { answerFor } from '../../feed/registry-lookup';
import { registryEvidence, registryParams } from '../registry-evidence';
import { makeFinding, type ListRule } from '../rule';

/**
 * The page shows a company name that is not the registered name of the USCC next to it: the
 * borrowed-license scam (a shop displays someone else's genuine license). Short forms, brackets,
 * spaces and Traditional characters are tolerated; a name too generic to compare is not flagged.
 * The registered name is the registry's own answer when the shopper looked it up (fresher, and in the
 * registry's words), else the credit cache's.
 */
export const nameMismatch: ListRule = {
  code: 'name-mismatch',
  severity: 'danger',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '页面显示的企业名称“{shown}”与统一社会信用代码 {uscc} 的登记名称“{official}”不符',
    'zh-TW': '頁面顯示的企業名稱「{shown}」與統一社會信用代碼 {uscc} 的登記名稱「{official}」不符',
    en: 'The page names the business “{shown}”, but credit code {uscc} is registered to “{official}”',
  },
  advice: {
    'zh-CN': '借用或盗用他人营业执照是常见骗局：执照是真的，但不属于这家店。请在国家企业信用信息公示系统（www.gsxt.gov.cn）核对，并向平台或 12315 举报。',
    'zh-TW': '借用或盜用他人營業執照是常見騙局：執照是真的，但不屬於這家店。請在國家企業信用信息公示系統（www.gsxt.gov.cn）核對，並向平台或 12315 舉報。',
    en: 'Showing someone else’s genuine license is a common scam: the license is real but not this shop’s. Check www.gsxt.gov.cn and report to the platform or 12315.',
  },
  evaluate({ facts, lookups, lang }) {
    const seen = new Set<string>();
    return facts.licenses.flatMap((l) => {
      const uscc = l.uscc ? canonicalKey('uscc', l.uscc) : null;
      if (!uscc || !l.name) return [];
      const asked = answerFor(lookups.registry, 'uscc', uscc);
      const e = lookups.entities.find((x) => x.uscc === uscc);
      const official = asked ? asked.answer.subject?.name : e?.state === 'found' ? e.record.name : null;
      if (!official || namesMatch(l.name, official) !== false) return [];
      const key = `${uscc}\n${l.name}`;
      if (seen.has(key)) return [];
      seen.add(key);
      if (asked) return [makeFinding(nameMismatch, lang, { shown: l.name, official, uscc, ...registryParams(asked, lang) }, registryEvidence(asked, lang), l.ref)];
      return [makeFinding(nameMismatch, lang, { shown: l.name, official, uscc }, l.evidence, l.ref)];
    });
  },
};
