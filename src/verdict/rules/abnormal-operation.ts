import { evidenceOf } from '../data-evidence';
import { DETAILS_MISSING } from '../../feed/list-names';
import { makeFinding, type ListRule } from '../rule';
import { registryEvidence, registryParams } from '../registry-evidence';
import { namedByRegistry, registryListings } from '../registry-listings';

/** The business is in 经营异常名录 (e.g. not reachable at its address, annual report missing). */
export const abnormalOperation: ListRule = {
  code: 'abnormal-operation',
  severity: 'warning',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '{value} 被列入经营异常名录：{reason}（{authority}，{date}）',
    'zh-TW': '{value} 被列入經營異常名錄：{reason}（{authority}，{date}）',
    en: '{value} is on the list of abnormal operations: {reason} ({authority}, {date})',
  },
  advice: {
    'zh-CN': '经营异常不等于违法，但说明该企业未按规定公示信息或无法联系。大额交易前请在国家企业信用信息公示系统核实。来源：{source}',
    'zh-TW': '經營異常不等於違法，但說明該企業未按規定公示資訊或無法聯繫。大額交易前請在國家企業信用信息公示系統核實。來源：{source}',
    en: 'Abnormal operation is not a crime, but the business did not file its reports or cannot be reached. Check www.gsxt.gov.cn before a large purchase. Source: {source}',
  },
  evaluate({ facts, lookups, lang }) {
    const listed = registryListings(lookups, ['abnormal-operation']);
    const fromRegistry = listed.map(({ lookup, entry }) => {
      const params = { value: lookup.value, kind: lookup.kind, reason: entry.reason ?? DETAILS_MISSING[lang], authority: entry.authority ?? '?', date: entry.date ?? '?', source: lookup.answer.url, feed: '', ...registryParams(lookup, lang) };
      return makeFinding(abnormalOperation, lang, params, registryEvidence(lookup, lang, entry), evidenceOf(facts, lookup.kind, lookup.value).ref);
    });
    return fromRegistry.concat(lookups.matches
      .filter((m) => m.list === 'abnormal-operation' && !namedByRegistry(listed, m.value, m.list))
      .map((m) => {
        const r = m.record;
        const params = { value: m.value, kind: m.kind, reason: r?.reason ?? DETAILS_MISSING[lang], authority: r?.authority ?? '?', date: r?.listedOn ?? '?', source: r?.sourceUrl || '?', feed: m.feed };
        const at = evidenceOf(facts, m.kind, m.value);
        return makeFinding(abnormalOperation, lang, params, at.evidence, at.ref);
      }));
  },
};
