import type { RegistryEntry, RegistryList } from '../feed/registry-answer';
import { cell, type HeadedTable } from './page-fields';

/**
 * Which table is which list, and which columns say what: data, one row per list. A table is
 * recognised by its section title or by a column only that list has.
 */
const LISTS: readonly { list: RegistryList; titles: string[]; columns: string[]; reason: string[]; date: string[]; authority: string[] }[] = [
  {
    list: 'abnormal-operation',
    titles: ['经营异常'],
    columns: ['列入经营异常名录原因'],
    reason: ['列入经营异常名录原因', '列入原因', '异常原因'],
    date: ['列入日期'],
    authority: ['作出决定机关(列入)', '列入决定机关', '作出决定机关', '决定机关'],
  },
  {
    list: 'serious-dishonest',
    titles: ['严重违法失信', '严重失信'],
    columns: ['列入严重违法失信'],
    reason: ['列入严重违法失信企业名单(黑名单)原因', '列入严重违法失信', '认定原因', '列入原因', '失信原因'],
    date: ['列入日期', '认定日期'],
    authority: ['作出决定机关(列入)', '作出决定机关', '认定部门', '决定机关'],
  },
  {
    list: 'court-dishonest',
    titles: ['失信被执行人'],
    columns: ['失信被执行人行为具体情形'],
    reason: ['失信被执行人行为具体情形', '失信行为'],
    date: ['发布日期', '立案时间'],
    authority: ['执行法院'],
  },
  {
    list: 'penalty',
    titles: ['行政处罚'],
    columns: ['决定书文号', '行政处罚内容'],
    reason: ['违法行为类型', '处罚事由', '行政处罚内容'],
    date: ['作出行政处罚决定日期', '处罚决定日期', '决定日期'],
    authority: ['作出行政处罚决定机关名称', '处罚机关', '决定机关'],
  },
  {
    list: 'redlist',
    titles: ['守信激励', '红名单'],
    columns: ['激励对象'],
    reason: ['名单名称', '荣誉名称', '激励原因'],
    date: ['列入日期', '认定日期'],
    authority: ['认定部门', '作出决定机关'],
  },
];

/** The list entries of a result page's tables (rows that name nothing are skipped). */
export function listEntries(tables: readonly HeadedTable[]): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const table of tables) {
    const def = LISTS.find((l) => l.titles.some((t) => table.title.includes(t)) || l.columns.some((c) => table.headers.some((h) => h.includes(c))));
    if (!def) continue;
    for (const row of table.rows) {
      const entry: RegistryEntry = {
        list: def.list,
        date: cell(row, def.date),
        authority: cell(row, def.authority),
        reason: cell(row, def.reason),
        removedOn: cell(row, ['移出日期']),
      };
      if (entry.date || entry.authority || entry.reason) out.push(entry);
    }
  }
  return out;
}
