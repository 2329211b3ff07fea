import { makeFinding, type PageRule } from '../rule';

/**
 * A labelled identifier fails its check character, structure or form. A code read from a picture
 * counts only when it was read surely; otherwise it is picture-unclear's "could not read clearly".
 */
export const idInvalid: PageRule = {
  code: 'id-invalid',
  severity: 'warning',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '{label} {value} 不是有效的号码（{problems}）',
    'zh-TW': '{label} {value} 不是有效的號碼（{problems}）',
    en: '{label} {value} is not a valid number ({problems})',
  },
  advice: {
    'zh-CN': '号码可能抄错，也可能是编造的。请复制号码到官方查询网站核实；查不到时不要付款。',
    'zh-TW': '號碼可能抄錯，也可能是編造的。請複製號碼到官方查詢網站核實；查不到時不要付款。',
    en: 'The number may be mistyped or made up. Copy it into the official lookup site; if it cannot be found there, do not pay.',
  },
  evaluate({ facts: { identifiers }, lang }) {
    return identifiers
      .filter((i) => !i.valid && i.label !== null && (i.source !== 'image' || i.readSurely === true))
      .map((i) => {
        const problems = i.problems.map((p) => PROBLEM_WORDS[p]?.[lang] ?? p).join(lang === 'en' ? ', ' : '，');
        return makeFinding(idInvalid, lang, { label: i.label!, value: i.value, problems, kind: i.kind }, i.evidence, i.ref);
      });
  },
};

/** Problem codes → words, for the message. */
export const PROBLEM_WORDS: Record<string, Record<'zh-CN' | 'zh-TW' | 'en', string>> = {
  'check-character': { 'zh-CN': '校验码错误', 'zh-TW': '校驗碼錯誤', en: 'wrong check character' },
  length: { 'zh-CN': '位数不对', 'zh-TW': '位數不對', en: 'wrong length' },
  alphabet: { 'zh-CN': '含有不允许的字符', 'zh-TW': '含有不允許的字元', en: 'characters not allowed' },
  authority: { 'zh-CN': '登记管理部门代码无效', 'zh-TW': '登記管理部門代碼無效', en: 'unknown registering authority' },
  category: { 'zh-CN': '机构类别代码无效', 'zh-TW': '機構類別代碼無效', en: 'invalid category' },
  division: { 'zh-CN': '行政区划代码无效', 'zh-TW': '行政區劃代碼無效', en: 'invalid division code' },
  province: { 'zh-CN': '省份简称不符合该类备案', 'zh-TW': '省份簡稱不符合該類備案', en: 'wrong province abbreviation for this filing' },
};
