import { isNonCommercialDrugInfo } from '../../scan/medicine-on-sale';
import { makeFinding, type PageRule } from '../rule';

/**
 * A page sells medicine and shows a 互联网药品信息服务资格证书 marked 非经营性: that certificate allows
 * publishing drug information, not selling. A plain note, not an alarm: the shop may hold the permits
 * for selling elsewhere (药品经营许可证 and its online-sales filing), and only they allow it.
 */
export const drugInfoNotForSale: PageRule = {
  code: 'drug-info-not-for-sale',
  severity: 'info',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '页面在卖药，展示的互联网药品信息服务资格证书 {value} 是“非经营性”的：它只允许发布药品信息，不允许在网上卖药',
    'zh-TW': '頁面在賣藥，展示的互聯網藥品信息服務資格證書 {value} 是「非經營性」的：它只允許發布藥品資訊，不允許在網上賣藥',
    en: 'The page sells medicine, but its online drug information certificate {value} is “non-commercial”: it allows publishing drug information, not selling medicine online',
  },
  advice: {
    'zh-CN': '网上卖药的企业应持有药品经营许可证，并完成药品网络销售备案。请在店铺的证照信息里找这两项，或到国家药监局数据查询核实；找不到时，不要在这里买处方药。',
    'zh-TW': '網上賣藥的企業應持有藥品經營許可證，並完成藥品網絡銷售備案。請在店鋪的證照資訊裡找這兩項，或到國家藥監局數據查詢核實；找不到時，不要在這裡買處方藥。',
    en: 'A business selling medicine online needs a drug business permit (药品经营许可证) and an online-sales filing. Look for both in the shop’s licence information or check on the NMPA data search; without them, do not buy prescription medicine here.',
  },
  evaluate({ facts, lang }) {
    if (!facts.medicine) return [];
    return facts.identifiers
      .filter(isNonCommercialDrugInfo)
      .map((i) => makeFinding(drugInfoNotForSale, lang, { value: i.value, sold: facts.medicine! }, i.evidence, i.ref));
  },
};
