import { canonicalKey } from '../../feed/keys';
import type { RegistryAnswer, RegistrySubject } from '../../feed/registry-answer';
import { answerWords } from '../answer-words';
import { listEntries } from '../list-tables';
import { headedTables, inputValue, labelPairs, pageSays, textOf, valueOf } from '../page-fields';
import type { RegistryReader, SiteReading } from '../reader';
import { entityState } from '../status';

/**
 * 国家企业信用信息公示系统 (www.gsxt.gov.cn and the provincial hosts). The company page lists its
 * 营业执照信息 as `dl > dt + dd` (统一社会信用代码, 企业名称, 登记状态 …) and each list
 * (经营异常, 严重违法失信, 行政处罚) as a headed table; a search shows `a.search_list_item` items.
 */
const LABELS = {
  uscc: ['统一社会信用代码', '统一社会信用代码/注册号', '注册号/统一社会信用代码'],
  name: ['企业名称', '名称', '个体工商户名称', '字号名称'],
  status: ['登记状态', '经营状态'],
};
const NOTHING_FOUND = ['未查询到相关记录', '无查询结果', '没有找到相关', '查询结果为空'];
const SEARCH_BOX = 'input[name="searchword"], input#keyword, input[name="keyword"]';

function subjectOf(pairs: Map<string, string[]>, heading: string | null, statusTag: string | null = null): RegistrySubject | null {
  const rawCode = valueOf(pairs, LABELS.uscc);
  const uscc = rawCode ? canonicalKey('uscc', rawCode) : null;
  const name = valueOf(pairs, LABELS.name) ?? heading;
  if (!uscc || !name) return null;
  const status = valueOf(pairs, LABELS.status) ?? statusTag;
  return { name, uscc, status, state: entityState(status) };
}

function answer(url: URL, query: string | null, subject: RegistryAnswer['subject'], entries: RegistryAnswer['entries'], notFound: string | null): SiteReading {
  const base = { site: 'gsxt' as const, url: url.href, query, subject, entries, filing: null, notFound: notFound !== null };
  return { state: 'answer', answer: { ...base, words: answerWords(base, notFound) } };
}

export const gsxt: RegistryReader = {
  site: 'gsxt',
  read(doc, url) {
    const query = inputValue(doc, SEARCH_BOX) ?? url.searchParams.get('searchword') ?? url.searchParams.get('keyword');
    // The company page.
    const primary = doc.querySelector('#primaryInfo') ?? (/corp-query-entprise-info/.test(url.pathname) ? doc : null);
    if (primary) {
      const heading = textOf(doc.querySelector('.fullName, .companyName h1, h1')) || null;
      const subject = subjectOf(labelPairs(primary), heading) ?? subjectOf(labelPairs(doc), heading);
      if (!subject) return { state: 'unreadable', site: 'gsxt', reason: 'no credit code and name on the company page' };
      return answer(url, query, subject, listEntries(headedTables(doc)), null);
    }
    // A search: nothing found, one company, or several to choose from.
    const items = Array.from(doc.querySelectorAll('a.search_list_item, .search_list_item'));
    if (items.length) {
      // A result item shows its status as a tag without a label.
      const subjects = items.map((item) => subjectOf(labelPairs(item), textOf(item.querySelector('h1, h2, .title')) || null, textOf(item.querySelector('.corpStatus, [class*="Status"]')) || null));
      if (subjects.some((s) => s === null)) return { state: 'unreadable', site: 'gsxt', reason: 'a search result without credit code or name' };
      const asked = query ? canonicalKey('uscc', query) : null;
      const chosen = subjects.length === 1 ? subjects[0]! : (subjects.find((s) => s!.uscc === asked) ?? null);
      // Several companies and none is the code asked for: the shopper has to open one.
      return chosen ? answer(url, query, chosen, [], null) : { state: 'no-result', site: 'gsxt' };
    }
    const nothing = pageSays(doc, NOTHING_FOUND);
    if (nothing) return query ? answer(url, query, null, [], nothing) : { state: 'unreadable', site: 'gsxt', reason: 'nothing found, but for what?' };
    // A result URL that shows none of the above is a layout we do not know.
    if (/corp-query-search/.test(url.pathname)) return { state: 'unreadable', site: 'gsxt', reason: 'unknown result page layout' };
    return { state: 'no-result', site: 'gsxt' };
  },
};
