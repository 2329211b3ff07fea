import { canonicalKey } from '../../feed/keys';
import type { RegistryAnswer, RegistrySubject } from '../../feed/registry-answer';
import { answerWords } from '../answer-words';
import { listEntries } from '../list-tables';
import { headedTables, inputValue, labelPairs, pageSays, textOf, valueOf } from '../page-fields';
import type { RegistryReader, SiteReading } from '../reader';
import { entityState } from '../status';

/**
 * 信用中国 (www.creditchina.gov.cn). A search is `xinyongxinxi/index.html?keyword=…`; a subject's
 * page shows its 统一社会信用代码 and name with label/value pairs, and its records by category
 * (严重失信主体名单, 经营异常名录, 行政处罚, 守信激励) as headed tables.
 */
const NAME = ['企业名称', '主体名称', '名称'];
const USCC = ['统一社会信用代码'];
const STATUS = ['登记状态', '经营状态', '企业状态'];
const NOTHING_FOUND = ['没有找到相关信息', '未查询到相关', '未找到相关', '查询结果为空', '暂无相关信息'];
const SEARCH_BOX = 'input#search_input, input[name="keyword"], input.search-input';

function make(url: URL, query: string | null, subject: RegistrySubject | null, entries: RegistryAnswer['entries'], nothing: string | null): SiteReading {
  const base: Omit<RegistryAnswer, 'words'> = { site: 'creditchina', url: url.href, query, subject, entries, filing: null, notFound: nothing !== null };
  return { state: 'answer', answer: { ...base, words: answerWords(base, nothing) } };
}

export const creditchina: RegistryReader = {
  site: 'creditchina',
  read(doc, url) {
    const query = url.searchParams.get('keyword') ?? inputValue(doc, SEARCH_BOX);
    const pairs = labelPairs(doc);
    const rawCode = valueOf(pairs, USCC);
    const uscc = rawCode ? canonicalKey('uscc', rawCode) : null;
    const name = valueOf(pairs, NAME) ?? (textOf(doc.querySelector('.company-name, .credit-name, h1')) || null);
    if (uscc && name) {
      const status = valueOf(pairs, STATUS);
      return make(url, query, { name, uscc, status, state: entityState(status) }, listEntries(headedTables(doc)), null);
    }
    if (rawCode) return { state: 'unreadable', site: 'creditchina', reason: 'a credit code without a name' };
    const nothing = pageSays(doc, NOTHING_FOUND);
    if (nothing) return query && canonicalKey('uscc', query) ? make(url, query, null, [], nothing) : { state: 'unreadable', site: 'creditchina', reason: 'nothing found, but for what?' };
    if (/xinyongxinxi|xyxx|detail/i.test(url.pathname) && query) return { state: 'unreadable', site: 'creditchina', reason: 'unknown result page layout' };
    return { state: 'no-result', site: 'creditchina' };
  },
};
