import { evidenceOf } from '../data-evidence';
import { answered } from '../../feed/registry-lookup';
import { registryEvidence, registryParams } from '../registry-evidence';
import { makeFinding, type ListRule } from '../rule';

const STATUS_WORDS = {
  吊销: { 'zh-CN': '已被吊销营业执照', 'zh-TW': '已被吊銷營業執照', en: 'has had its business license revoked' },
  注销: { 'zh-CN': '已注销', 'zh-TW': '已註銷', en: 'has been deregistered' },
} as const;

/** The USCC shown belongs to a business that no longer exists (吊销 / 注销). */
export const deregistered: ListRule = {
  code: 'deregistered',
  severity: 'danger',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '统一社会信用代码 {uscc}（{name}）{status}（{date}）',
    'zh-TW': '統一社會信用代碼 {uscc}（{name}）{status}（{date}）',
    en: 'The business with credit code {uscc} ({name}) {status} ({date})',
  },
  advice: {
    'zh-CN': '已吊销或注销的企业不能合法经营，页面展示的执照无效。请勿付款，可在国家企业信用信息公示系统（www.gsxt.gov.cn）核实。',
    'zh-TW': '已吊銷或註銷的企業不能合法經營，頁面展示的執照無效。請勿付款，可在國家企業信用信息公示系統（www.gsxt.gov.cn）核實。',
    en: 'A revoked or deregistered business may not trade; the license shown is void. Do not pay; check www.gsxt.gov.cn.',
  },
  evaluate({ facts, lookups, lang }) {
    // The registry's own answer, when the shopper looked, speaks for its code instead of the cache.
    const asked = answered(lookups.registry).filter((r) => r.kind === 'uscc' && r.answer.subject);
    const fromRegistry = asked.flatMap((r) => {
      const s = r.answer.subject!;
      if (s.state !== '吊销' && s.state !== '注销') return [];
      const at = evidenceOf(facts, 'uscc', r.value);
      const params = { uscc: r.value, name: s.name ?? '', status: STATUS_WORDS[s.state][lang], statusCode: s.state, date: new Date(r.at).toISOString().slice(0, 10), ...registryParams(r, lang) };
      return [makeFinding(deregistered, lang, params, registryEvidence(r, lang), at.ref)];
    });
    return fromRegistry.concat(lookups.entities.flatMap((e) => {
      if (asked.some((r) => r.value === e.uscc)) return [];
      if (e.state !== 'found' || e.record.status === '存续') return [];
      const at = evidenceOf(facts, 'uscc', e.uscc);
      const params = { uscc: e.uscc, name: e.record.name, status: STATUS_WORDS[e.record.status][lang], statusCode: e.record.status, date: e.record.updatedOn };
      return [makeFinding(deregistered, lang, params, at.evidence, at.ref)];
    }));
  },
};
