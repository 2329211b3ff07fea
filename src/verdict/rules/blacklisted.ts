import { evidenceOf } from '../data-evidence';
import { DETAILS_MISSING, LIST_TITLES } from '../../feed/list-names';
import { makeFinding, type ListRule } from '../rule';
import { registryEvidence, registryParams } from '../registry-evidence';
import { namedByRegistry, registryListings } from '../registry-listings';

/** An identifier of the page (or its domain) is on a black list (any list but 经营异常名录). */
export const blacklisted: ListRule = {
  code: 'blacklisted',
  severity: 'danger',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '{value} 列入{list}：{reason}（{authority}，{date}）',
    'zh-TW': '{value} 列入{list}：{reason}（{authority}，{date}）',
    en: '{value} is on the {list}: {reason} ({authority}, {date})',
  },
  advice: {
    'zh-CN': '该主体被监管部门或经审核的举报列入黑名单。不要付款；可在来源网页 {source} 或国家企业信用信息公示系统（www.gsxt.gov.cn）、信用中国核实。',
    'zh-TW': '該主體被監管部門或經審核的舉報列入黑名單。不要付款；可在來源網頁 {source} 或國家企業信用信息公示系統（www.gsxt.gov.cn）、信用中國核實。',
    en: 'Regulators or reviewed reports put this entity on a black list. Do not pay; check the source {source} or www.gsxt.gov.cn / 信用中国.',
  },
  evaluate({ facts, lookups, lang }) {
    const listed = registryListings(lookups, ['serious-dishonest', 'court-dishonest']);
    const fromRegistry = listed.map(({ lookup, entry }) => {
      const list = entry.list as 'serious-dishonest' | 'court-dishonest';
      const params = {
        value: lookup.value,
        kind: lookup.kind,
        list: LIST_TITLES[list][lang],
        listCode: list,
        reason: entry.reason ?? DETAILS_MISSING[lang],
        authority: entry.authority ?? '?',
        date: entry.date ?? '?',
        source: lookup.answer.url,
        name: lookup.answer.subject?.name ?? '',
        feed: '',
        ...registryParams(lookup, lang),
      };
      return makeFinding(blacklisted, lang, params, registryEvidence(lookup, lang, entry), evidenceOf(facts, lookup.kind, lookup.value).ref);
    });
    return fromRegistry.concat(lookups.matches
      .filter((m) => m.list !== 'abnormal-operation' && !namedByRegistry(listed, m.value, m.list))
      .map((m) => {
        const r = m.record;
        const params = {
          value: m.value,
          kind: m.kind,
          list: LIST_TITLES[m.list][lang],
          listCode: m.list,
          reason: r?.reason ?? DETAILS_MISSING[lang],
          authority: r?.authority ?? '?',
          date: r?.listedOn ?? '?',
          source: r?.sourceUrl || '?',
          name: r?.name ?? '',
          feed: m.feed,
        };
        const at = evidenceOf(facts, m.kind, m.value);
        return makeFinding(blacklisted, lang, params, at.evidence, at.ref);
      }));
  },
};
