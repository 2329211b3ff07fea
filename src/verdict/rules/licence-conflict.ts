import { checkUscc } from '../../identifiers/checks';
import { namesMatch } from '../../lists/company-name';
import { isLicencePicture, printedCodes } from '../picture-codes';
import { makeFinding, type PageRule } from '../rule';

/**
 * The licence in a picture is not the licence the same page shows as text: another credit code, or
 * another company name. A warning, not a danger: a shop may show a partner's licence (a brand's
 * authorisation) for a reason, and a picture is read, not seen.
 */
export const licenceConflict: PageRule = {
  code: 'licence-conflict',
  severity: 'warning',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '营业执照图片中的{field}“{pictured}”与页面文字展示的“{shown}”不一致',
    'zh-TW': '營業執照圖片中的{field}「{pictured}」與頁面文字展示的「{shown}」不一致',
    en: 'The licence picture shows {field} “{pictured}”, but the page’s text shows “{shown}”',
  },
  advice: {
    'zh-CN': '同一家店展示了两份不同的营业执照信息，可能是借用或拼凑的执照。请到国家企业信用信息公示系统（www.gsxt.gov.cn）分别查询，确认哪一个才是这家店的经营者。',
    'zh-TW': '同一家店展示了兩份不同的營業執照資訊，可能是借用或拼湊的執照。請到國家企業信用信息公示系統（www.gsxt.gov.cn）分別查詢，確認哪一個才是這家店的經營者。',
    en: 'The shop shows two different business licences; one may be borrowed or pieced together. Look both up on www.gsxt.gov.cn to see which company really runs the shop.',
  },
  evaluate({ facts, lang }) {
    const textCodes = new Set(facts.identifiers.filter((i) => i.source !== 'image' && i.kind === 'uscc' && i.label !== null && checkUscc(i.value).length === 0).map((i) => i.value));
    for (const l of facts.licenses) if (!l.picture && l.uscc && checkUscc(l.uscc).length === 0) textCodes.add(l.uscc);
    const textNames = facts.licenses.filter((l) => !l.picture && l.name).map((l) => l.name!);
    const words = FIELD_WORDS[lang];
    return (facts.pictures ?? []).filter(isLicencePicture).flatMap((p) => {
      const code = printedCodes(p).find((c) => c.readSurely) ?? null;
      if (code && textCodes.size && !textCodes.has(code.value)) {
        return [makeFinding(licenceConflict, lang, { field: words.code, pictured: code.value, shown: [...textCodes].join('、') }, code.evidence, p.ref)];
      }
      const name = p.licence?.name;
      // Names only when the codes did not already agree: the same code under a shorter name is one company.
      if (name && !(code && textCodes.has(code.value)) && textNames.length && textNames.every((n) => namesMatch(name, n) === false)) {
        return [makeFinding(licenceConflict, lang, { field: words.name, pictured: name, shown: textNames[0]! }, p.licence!.evidence, p.ref)];
      }
      return [];
    });
  },
};

const FIELD_WORDS = {
  'zh-CN': { code: '统一社会信用代码', name: '企业名称' },
  'zh-TW': { code: '統一社會信用代碼', name: '企業名稱' },
  en: { code: 'credit code', name: 'company name' },
} as const;
