import { KIND_NAMES } from '../../identifiers/kind-names';
import { showsLicense } from '../../scan/shows-license';
import { isPermitOfCompany } from '../permit-kinds';
import { makeFinding, type PageRule } from '../rule';

/**
 * A page shows food, drug or medical-device permits but no business licence: no company name, no
 * credit code, no 亮照 badge and no link to a licence page. A permit is issued to a company; without
 * knowing which, the shopper cannot tell whether the permit is this shop's. A caution, as for a
 * missing licence (license-missing stays quiet on such pages: this finding says it more precisely).
 */
export const permitsWithoutLicense: PageRule = {
  code: 'permits-without-license',
  severity: 'caution',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '页面展示了{permits}，却没有展示营业执照（企业名称或统一社会信用代码）',
    'zh-TW': '頁面展示了{permits}，卻沒有展示營業執照（企業名稱或統一社會信用代碼）',
    en: 'The page shows {permits} but no business licence (company name or unified social credit code)',
  },
  advice: {
    'zh-CN': '许可证是发给某一家企业的：不知道是哪家企业，就无法判断这张许可证是不是这家店的。付款前请在店铺的“证照信息”里找到营业执照，再到国家企业信用信息公示系统按企业名称查询它的许可信息。',
    'zh-TW': '許可證是發給某一家企業的：不知道是哪家企業，就無法判斷這張許可證是不是這家店的。付款前請在店鋪的「證照資訊」裡找到營業執照，再到國家企業信用信息公示系統按企業名稱查詢它的許可資訊。',
    en: 'A permit is issued to one company: without knowing which, you cannot tell whether this permit is the shop’s. Before paying, find the business licence under the shop’s “证照信息” and look its permits up by company name on www.gsxt.gov.cn.',
  },
  evaluate({ facts, lang }) {
    const permits = facts.identifiers.filter((i) => isPermitOfCompany(i.kind));
    // store is null where the page links to its licence (or was not asked): then the licence is not missing.
    if (!permits.length || !facts.store || facts.store.licensePageUrl !== null || showsLicense(facts)) return [];
    if (facts.licenses.some((l) => l.name)) return [];
    const names = [...new Set(permits.map((p) => KIND_NAMES[p.kind][lang]))].join(lang === 'en' ? ', ' : '、');
    const first = permits[0]!;
    return [makeFinding(permitsWithoutLicense, lang, { permits: names, value: first.value }, first.evidence, first.ref)];
  },
};
