import { provinceByCode, provinceByPsbAbbr, provinceByIcpAbbr } from '../../identifiers/provinces';
import { makeFinding, type PageRule } from '../rule';

/** 京公网安备 33…: the filing's province and its division code disagree. */
export const psbProvinceMismatch: PageRule = {
  code: 'psb-province-mismatch',
  severity: 'caution',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '公安备案号 {value} 标注的省份是{named}，但号码属于{coded}',
    'zh-TW': '公安備案號 {value} 標註的省份是{named}，但號碼屬於{coded}',
    en: 'Public-security filing {value} names {named}, but its number belongs to {coded}',
  },
  advice: {
    'zh-CN': '备案号的省份与号码不符，可能是拼凑的。请在全国互联网安全管理服务平台（beian.mps.gov.cn）查询该号码。',
    'zh-TW': '備案號的省份與號碼不符，可能是拼湊的。請在全國互聯網安全管理服務平台（beian.mps.gov.cn）查詢該號碼。',
    en: 'The province and the number do not match; the filing may be made up. Look the number up on beian.mps.gov.cn.',
  },
  evaluate({ facts: { identifiers }, lang }) {
    const out = [];
    for (const i of identifiers) {
      if (i.kind !== 'psb-filing' || i.source === 'link') continue;
      const m = /^(.)公网安备(\d{14})号$/.exec(i.value);
      if (!m) continue;
      const named = provinceByPsbAbbr(m[1]!) ?? provinceByIcpAbbr(m[1]!);
      const coded = provinceByCode(m[2]!);
      if (named && coded && named.code !== coded.code) {
        out.push(makeFinding(psbProvinceMismatch, lang, { value: i.value, named: named.name, coded: coded.name }, i.evidence, i.ref));
      }
    }
    return out;
  },
};
