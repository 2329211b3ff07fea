import { evidenceOf } from '../data-evidence';
import { makeFinding, type ListRule } from '../rule';

/** The business's published credit level is C or D. */
export const creditLow: ListRule = {
  code: 'credit-low',
  severity: 'warning',
  judges: 'lists',
  topic: 'shop',
  message: {
    'zh-CN': '{name}（{uscc}）的信用等级为 {level} 级（{date}）',
    'zh-TW': '{name}（{uscc}）的信用等級為 {level} 級（{date}）',
    en: '{name} ({uscc}) has credit level {level} ({date})',
  },
  advice: {
    'zh-CN': 'C、D 级表示监管部门认定其信用较差或存在严重失信行为。交易前请在信用中国（www.creditchina.gov.cn）查看原因。',
    'zh-TW': 'C、D 級表示監管部門認定其信用較差或存在嚴重失信行為。交易前請在信用中國（www.creditchina.gov.cn）查看原因。',
    en: 'Levels C and D mean regulators rate this business as poor or seriously dishonest. See the reasons on www.creditchina.gov.cn first.',
  },
  evaluate({ facts, lookups, lang }) {
    return lookups.entities.flatMap((e) => {
      if (e.state !== 'found' || (e.record.creditLevel !== 'C' && e.record.creditLevel !== 'D')) return [];
      const at = evidenceOf(facts, 'uscc', e.uscc);
      return [makeFinding(creditLow, lang, { uscc: e.uscc, name: e.record.name, level: e.record.creditLevel, date: e.record.updatedOn }, at.evidence, at.ref)];
    });
  },
};
