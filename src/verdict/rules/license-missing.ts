import type { Badge, Finding, ScanResult } from '../../types';
import type { Lang } from '../../i18n/lang';
import type { PageClass } from '../../platforms/classify-page';
import { PLATFORMS } from '../../platforms/registry';
import { makeFinding, type RuleInfo } from '../rule';

/**
 * A store page that neither shows a business license nor links to one. Only ever a caution: many
 * honest shops put the license one click away where we cannot see it, so absence is not proof of
 * anything (电子商务法 第十五条 asks for it on the home page, not on every product page).
 */
export const licenseMissingRule: RuleInfo = {
  code: 'license-missing',
  severity: 'caution',
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
};

const PAGE_WORDS: Record<Lang, { product: string; shop: string; generic: string }> = {
  'zh-CN': { product: '商品页', shop: '店铺页', generic: '此网店页面' },
  'zh-TW': { product: '商品頁', shop: '店鋪頁', generic: '此網店頁面' },
  en: { product: 'product page', shop: 'shop page', generic: 'This shop page' },
};

/** Where business-license verifications live (not 公安/ICP filings, which say nothing of the company). */
const LICENSE_AUTHORITY = /企业信用信息公示|市场监督管理|工商|企业信用网/;
const LICENSE_CLAIM = /亮照|营业执照|執照|红盾|紅盾|工商|企业信用|企業信用/;

/** A USCC or a 15-digit registration number carried in a badge link (serial=, uniscid=, regno=). */
const BUSINESS_ID = /^[0-9A-HJ-NP-RTUW-Y]{18}$|^\d{15}$/;

function isLicenseBadge(b: Badge): boolean {
  if (!b.official) return false;
  return LICENSE_AUTHORITY.test(b.authority ?? '') || LICENSE_CLAIM.test(b.claims) || b.embedded.some((e) => BUSINESS_ID.test(e));
}

/** Does the scan show any business license: an identifier, a license block, or an official 亮照 badge? */
export function showsLicense(scan: ScanResult): boolean {
  return (
    scan.identifiers.some((i) => i.kind === 'uscc' || i.kind === 'regno') ||
    scan.licenses.length > 0 ||
    scan.badges.some(isLicenseBadge)
  );
}

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

/** The finding for a store page without any license or license link; null everywhere else. */
export function licenseMissing(scan: ScanResult, page: PageClass, lang: Lang): Finding | null {
  if (!isStorePage(page) || page.licensePageUrl !== null || showsLicense(scan)) return null;
  const signals = page.shopSignals.length ? page.shopSignals.join(', ') : '-';
  const evidence = `${page.platform ?? 'independent'} ${page.pageType} page; store signals: ${signals}; no 营业执照/证照/资质/亮照 link`;
  return makeFinding(licenseMissingRule, lang, { where: where(page, lang), platform: page.platform ?? '', pageType: page.pageType }, evidence);
}
