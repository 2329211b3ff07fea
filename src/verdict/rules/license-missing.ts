import type { Lang } from '../../i18n/lang';
import type { PageClass } from '../../platforms/classify-page';
import { PLATFORMS } from '../../platforms/registry';
import { showsLicense } from '../../scan/shows-license';
import { isPermitOfCompany } from '../permit-kinds';
import { makeFinding, type PageRule } from '../rule';

/**
 * A store page that neither shows a business license nor links to one. Only ever a caution: many
 * honest shops put the license one click away where we cannot see it, so absence is not proof of
 * anything (电子商务法 第十五条 asks for it on the home page, not on every product page).
 */
export const licenseMissing: PageRule = {
  code: 'license-missing',
  severity: 'caution',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '{where}没有展示营业执照，也没有链接到营业执照页面；这不能证明是欺诈——请打开店铺的证照信息页面，或到国家企业信用信息公示系统（gsxt）查询',
    'zh-TW': '{where}沒有展示營業執照，也沒有連結到營業執照頁面；這不能證明是詐騙——請打開店鋪的證照資訊頁面，或到國家企業信用信息公示系統（gsxt）查詢',
    en: '{where} shows no business license and links to none; that is not proof of fraud — open the shop’s license page or check on gsxt',
  },
  advice: {
    'zh-CN': '网店应当在首页显著位置持续公示营业执照信息或其链接（《电子商务法》第十五条）。许多平台把证照放在店铺首页的“证照信息”里，本扩展不一定看得到。付款前请自行查看，或在 www.gsxt.gov.cn 搜索店铺的企业名称。',
    'zh-TW': '網店應當在首頁顯著位置持續公示營業執照資訊或其連結（《電子商務法》第十五條）。許多平台把證照放在店鋪首頁的「證照資訊」裡，本擴充功能不一定看得到。付款前請自行查看，或在 www.gsxt.gov.cn 搜尋店鋪的企業名稱。',
    en: 'Online shops must keep their business license, or a link to it, on their home page (E-Commerce Law art. 15). Many platforms keep it under the shop’s “证照信息” where this extension may not see it. Check it yourself before paying, or search the company name on www.gsxt.gov.cn.',
  },
  /** A store page (facts.store: the engine classified it) that neither shows a licence nor links to one. */
  evaluate({ facts, lang }) {
    const page = facts.store;
    if (!page || !isStorePage(page) || page.licensePageUrl !== null || showsLicense(facts)) return [];
    // A page that shows permits without a licence gets the more precise finding (permits-without-license).
    if (facts.identifiers.some((i) => isPermitOfCompany(i.kind))) return [];
    // The shopper reads what was looked for; how the page was classified stays in the params (CLI JSON).
    const params = { where: where(page, lang), platform: page.platform ?? '', pageType: page.pageType, signals: page.shopSignals.join(',') };
    return [makeFinding(licenseMissing, lang, params, ABSENCE[lang])];
  },
};

/** The evidence of an absence: what was looked for, in the shopper's words (never debug text). */
export const ABSENCE: Record<Lang, string> = {
  'zh-CN': '本页未找到营业执照、证照信息或亮照链接',
  'zh-TW': '本頁未找到營業執照、證照資訊或亮照連結',
  en: 'No business licence, licence information or licence-badge link was found on this page',
};

const PAGE_WORDS: Record<Lang, { product: string; shop: string; generic: string }> = {
  'zh-CN': { product: '商品页', shop: '店铺页', generic: '此网店页面' },
  'zh-TW': { product: '商品頁', shop: '店鋪頁', generic: '此網店頁面' },
  en: { product: 'product page', shop: 'shop page', generic: 'This shop page' },
};

/** Is this a page where a shopper is about to buy, as opposed to news, search, or a platform home? */
function isStorePage(page: PageClass): boolean {
  if (!page.licenseExpected || page.pageType === 'other') return false;
  return page.platform !== null || page.shopConfidence === 'high';
}

function where(page: PageClass, lang: Lang): string {
  const words = PAGE_WORDS[lang];
  const platform = PLATFORMS.find((p) => p.id === page.platform);
  if (!platform) return words.generic;
  const kind = page.pageType === 'product' ? words.product : words.shop;
  return lang === 'en' ? `This ${platform.name.en} ${kind}` : `此${platform.name[lang]}${kind}`;
}

