import { canonicalKey } from '../../feed/keys';
import type { RegistryAnswer } from '../../feed/registry-answer';
import { answerWords } from '../answer-words';
import { filingDomains } from '../filing-domains';
import { cell, headedTables, inputValue, labelPairs, pageSays, valueOf } from '../page-fields';
import type { RegistryReader, SiteReading } from '../reader';

/**
 * ICP/IP地址/域名信息备案管理系统 (beian.miit.gov.cn). Its query shows an Element UI table with
 * 主办单位名称 / 主办单位性质 / 服务备案号 / 审核日期 / 是否限制接入 (and the site's domain); a
 * row's details show the same labels as a form. The fields are those the system's own API names
 * (unitName, natureName, serviceLicence, domain, updateRecordTime).
 */
const OWNER = ['主办单位名称', '主办单位'];
const NUMBER = ['服务备案号', '网站备案号', 'ICP备案/许可证号', '网站备案/许可证号', '备案号', '主体备案号'];
const DOMAIN = ['网站域名', '域名', '网站首页网址', '首页网址'];
const SITE_NAME = ['网站名称', '服务名称'];
const NOTHING_FOUND = ['暂无数据', '没有查询到', '未查询到', '查询结果为空'];
const SEARCH_BOX = 'input.el-input__inner, input[type="text"], input[name="search"]';

interface Row {
  owner: string | null;
  number: string | null;
  domains: string[];
  siteName: string | null;
}

function make(url: URL, query: string | null, row: Row | null, nothing: string | null): SiteReading {
  const base: Omit<RegistryAnswer, 'words'> = {
    site: 'miit',
    url: url.href,
    query,
    subject: row ? { name: row.owner, uscc: null, status: null, state: null } : null,
    entries: [],
    filing: row ? { kind: 'icp', number: row.number!, domains: row.domains, siteName: row.siteName } : null,
    notFound: nothing !== null,
  };
  return { state: 'answer', answer: { ...base, words: answerWords(base, nothing) } };
}

export const miit: RegistryReader = {
  site: 'miit',
  read(doc, url) {
    const query = inputValue(doc, SEARCH_BOX) ?? url.searchParams.get('search');
    const asked = query ? canonicalKey('icp', query) : null;
    const rows: Row[] = [];
    const tables = headedTables(doc).filter((t) => t.headers.some((h) => OWNER.some((o) => h.includes(o))));
    for (const t of tables) {
      for (const r of t.rows) rows.push({ owner: cell(r, OWNER), number: canonicalKey('icp', cell(r, NUMBER) ?? ''), domains: filingDomains(cell(r, DOMAIN)), siteName: cell(r, SITE_NAME) });
    }
    // A detail view (label: value) adds or completes a row.
    const pairs = labelPairs(doc);
    const owner = valueOf(pairs, OWNER);
    const number = canonicalKey('icp', valueOf(pairs, NUMBER) ?? '');
    if (owner && number) rows.unshift({ owner, number, domains: filingDomains(valueOf(pairs, DOMAIN)), siteName: valueOf(pairs, SITE_NAME) });
    if (rows.length) {
      if (rows.some((r) => !r.owner || !r.number)) return { state: 'unreadable', site: 'miit', reason: 'a filing row without owner or number' };
      const chosen = rows.find((r) => r.number === asked) ?? (new Set(rows.map((r) => r.number)).size === 1 ? rows[0]! : null);
      if (!chosen) return { state: 'no-result', site: 'miit' };
      // Every row of the same filing adds its domains (one filing, several sites).
      const domains = [...new Set(rows.filter((r) => r.number === chosen.number).flatMap((r) => r.domains))];
      return make(url, query, { ...chosen, domains }, null);
    }
    const nothing = tables.length || /recordQuery/i.test(url.hash) ? pageSays(doc, NOTHING_FOUND) : null;
    if (nothing) return asked ? make(url, query, null, nothing) : { state: 'unreadable', site: 'miit', reason: 'nothing found, but for what?' };
    if (tables.length) return { state: 'unreadable', site: 'miit', reason: 'unknown result table' };
    return { state: 'no-result', site: 'miit' };
  },
};
