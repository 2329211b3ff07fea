import type { RegistryAnswer, RegistryEntry, RegistryList } from '../feed/registry-answer';

const LIST_WORDS: Record<RegistryList, string> = {
  'abnormal-operation': '经营异常名录',
  'serious-dishonest': '严重违法失信名单',
  'court-dishonest': '失信被执行人',
  penalty: '行政处罚',
  redlist: '守信激励名单',
};

/** One list entry in the registry's words: "经营异常名录：原因，机关，日期". */
export const entryWords = (e: RegistryEntry): string => `${LIST_WORDS[e.list]}：${[e.reason, e.authority, e.date].filter(Boolean).join('，')}`;

/** 经营异常名录 …, as registries name their lists. */
export const registryListWord = (list: RegistryList): string => LIST_WORDS[list];

/**
 * The registry's answer in the registry's own words, one line: what a finding quotes as evidence.
 * Only the page's text goes in, labelled with the page's own labels.
 */
export function answerWords(answer: Omit<RegistryAnswer, 'words'>, notFoundPhrase: string | null): string {
  const parts: string[] = [];
  if (answer.notFound) {
    parts.push(notFoundPhrase ?? '未查询到相关记录');
    if (answer.query) parts.push(`查询：${answer.query}`);
    return parts.join('；');
  }
  const s = answer.subject;
  if (answer.filing) {
    parts.push(`${answer.filing.kind === 'icp' ? 'ICP备案号' : '公安备案号'}：${answer.filing.number}`);
    if (s?.name) parts.push(`${answer.filing.kind === 'icp' ? '主办单位名称' : '开办者名称'}：${s.name}`);
    if (answer.filing.domains.length) parts.push(`网站域名：${answer.filing.domains.join(' ')}`);
    return parts.join('；');
  }
  if (s?.name) parts.push(`企业名称：${s.name}`);
  if (s?.uscc) parts.push(`统一社会信用代码：${s.uscc}`);
  if (s?.status) parts.push(`登记状态：${s.status}`);
  for (const e of answer.entries.filter((x) => !x.removedOn)) parts.push(entryWords(e));
  return parts.join('；').slice(0, 600);
}
