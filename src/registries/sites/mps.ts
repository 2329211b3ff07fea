import { canonicalKey } from '../../feed/keys';
import type { RegistryAnswer } from '../../feed/registry-answer';
import { answerWords } from '../answer-words';
import { filingDomains } from '../filing-domains';
import { inputValue, labelPairs, pageSays, valueOf } from '../page-fields';
import type { RegistryReader, SiteReading } from '../reader';

/**
 * 全国互联网安全管理服务平台 (beian.mps.gov.cn; formerly www.beian.gov.cn's registerSystemInfo
 * pages). A record shows label/value rows: 网站名称, 网站域名, 开办主体, 网站类别, then 开办者名称,
 * 公安备案号, 备案地公安机关, 联网备案时间 (as scrapers of the site document them).
 */
const OWNER = ['开办者名称', '开办主体名称', '网站开办者名称', '主办单位名称'];
const NUMBER = ['公安备案号', '联网备案号', '网站备案号', '备案号', '备案编号'];
const DOMAIN = ['网站域名', '网站主域名', '域名'];
const NOTHING_FOUND = ['未查询到', '没有查询到', '暂无数据', '查询结果为空', '无备案信息'];
const SEARCH_BOX = 'input[type="text"], input[name="recordcode"], input.el-input__inner';

function make(url: URL, query: string | null, found: { owner: string; number: string; domains: string[]; siteName: string | null } | null, nothing: string | null): SiteReading {
  const base: Omit<RegistryAnswer, 'words'> = {
    site: 'mps',
    url: url.href,
    query,
    subject: found ? { name: found.owner, uscc: null, status: null, state: null } : null,
    entries: [],
    filing: found ? { kind: 'psb', number: found.number, domains: found.domains, siteName: found.siteName } : null,
    notFound: nothing !== null,
  };
  return { state: 'answer', answer: { ...base, words: answerWords(base, nothing) } };
}

/** The code a query URL names (?recordcode=… or #/query/webSearch?code=…). */
function codeInUrl(url: URL): string | null {
  const hashQuery = url.hash.includes('?') ? new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1)) : null;
  return url.searchParams.get('recordcode') ?? hashQuery?.get('code') ?? null;
}

export const mps: RegistryReader = {
  site: 'mps',
  read(doc, url) {
    const query = inputValue(doc, SEARCH_BOX) ?? codeInUrl(url);
    const pairs = labelPairs(doc);
    const owner = valueOf(pairs, OWNER);
    const rawNumber = valueOf(pairs, NUMBER);
    const number = rawNumber ? canonicalKey('psb', rawNumber) : null;
    if (owner && number) return make(url, query, { owner, number, domains: filingDomains(valueOf(pairs, DOMAIN)), siteName: valueOf(pairs, ['网站名称']) }, null);
    if (owner || rawNumber) return { state: 'unreadable', site: 'mps', reason: 'a record without owner or number' };
    const nothing = pageSays(doc, NOTHING_FOUND);
    if (nothing) return query && canonicalKey('psb', query) ? make(url, query, null, nothing) : { state: 'unreadable', site: 'mps', reason: 'nothing found, but for what?' };
    if (/registerSystemInfo/i.test(url.pathname) || /query/i.test(url.hash)) return { state: 'unreadable', site: 'mps', reason: 'unknown result page layout' };
    return { state: 'no-result', site: 'mps' };
  },
};
