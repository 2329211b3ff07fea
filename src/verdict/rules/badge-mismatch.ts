import { makeFinding, type PageRule } from '../rule';

/** Codes the page shows that a finding names (the rest are an ellipsis). */
const MAX_NAMED = 3;

/** The 亮照 link verifies one company while the page shows another company's code. */
export const badgeMismatch: PageRule = {
  code: 'badge-mismatch',
  severity: 'danger',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '亮照链接验证的是 {embedded}，而页面展示的统一社会信用代码是 {shown}',
    'zh-TW': '亮照連結驗證的是 {embedded}，而頁面展示的統一社會信用代碼是 {shown}',
    en: 'The license badge verifies {embedded}, but the page shows the credit code {shown}',
  },
  advice: {
    'zh-CN': '执照与亮照不一致，可能是冒用他人营业执照。请在国家企业信用信息公示系统分别查询两个代码，确认与你交易的究竟是哪家企业。',
    'zh-TW': '執照與亮照不一致，可能是冒用他人營業執照。請在國家企業信用信息公示系統分別查詢兩個代碼，確認與你交易的究竟是哪家企業。',
    en: 'The license shown and the verified one differ: the shop may be using another company’s license. Look both codes up on www.gsxt.gov.cn to see who you are dealing with.',
  },
  evaluate({ facts: { identifiers, badges }, lang }) {
    // Only codes the page shows in text count as "shown"; link parameters are what is compared.
    const shown = identifiers.filter((i) => i.kind === 'uscc' && i.valid && i.source !== 'link').map((i) => i.value);
    if (!shown.length) return [];
    // A set, and a few codes named in the message: a page showing thousands of codes beside
    // thousands of badges must not make every finding compare with, and list, all of them (issue 15).
    const isShown = new Set(shown);
    const named = shown.length > MAX_NAMED ? `${shown.slice(0, MAX_NAMED).join('、')}…` : shown.join('、');
    return badges
      .filter((b) => b.official && /gsxt\.gov\.cn$/.test(b.host))
      .flatMap((b) =>
        b.embedded
          .filter((e) => e.length === 18 && !isShown.has(e))
          .map((e) => makeFinding(badgeMismatch, lang, { embedded: e, shown: named }, `${b.claims} → ${b.href}`, b.ref)),
      );
  },
};
