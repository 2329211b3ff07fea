/** The feed CSV's columns an import fills from a regulator's spreadsheet. */
export const IMPORT_FIELDS = ['id', 'name', 'reason', 'authority', 'listed_on', 'source_url', 'list'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * The headers regulators' exports use for each field (经营异常名录, 严重违法失信名单 and 信用中国
 * downloads), compared after normalizing (half-width, no spaces, brackets kept). Longer, more
 * specific headers first: "列入经营异常名录原因" before "原因".
 */
const KNOWN: Record<ImportField, string[]> = {
  id: ['统一社会信用代码/注册号', '统一社会信用代码', '社会信用代码', '信用代码', '注册号'],
  name: ['企业名称', '市场主体名称', '主体名称', '当事人名称', '名称'],
  reason: ['列入经营异常名录原因', '列入严重违法失信名单原因', '列入原因', '列入事由', '认定原因', '失信原因', '原因'],
  authority: ['作出决定机关(列入)', '作出决定机关', '列入决定机关', '决定机关', '认定部门', '作出决定部门'],
  listed_on: ['列入日期', '列入时间', '认定日期', '作出决定日期', '决定日期'],
  source_url: ['来源网址', '来源链接', 'source_url'],
  list: ['名单类型', 'list'],
};

export const normHeader = (h: string): string => h.normalize('NFKC').replace(/\s+/g, '');

/** `统一社会信用代码=id,企业名称=name` → header → field (headers normalized). */
export function parseColumnMap(text: string): Map<string, ImportField> {
  const out = new Map<string, ImportField>();
  for (const pair of text.split(/[,，]/).map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const header = normHeader(pair.slice(0, eq));
    const field = pair.slice(eq + 1).trim() as ImportField;
    if (eq <= 0 || !IMPORT_FIELDS.includes(field)) throw new Error(`--map: "${pair}" is not HEADER=FIELD with FIELD one of ${IMPORT_FIELDS.join(', ')}`);
    out.set(header, field);
  }
  return out;
}

/**
 * Which column holds which field in a header row: the explicit map first, then the known headers.
 * Null when the row has no id column (so it is not the header row: a title above it, say).
 */
export function columnsOf(header: readonly string[], map: Map<string, ImportField> | null): Map<ImportField, number> | null {
  const cols = new Map<ImportField, number>();
  const cells = header.map(normHeader);
  if (map) cells.forEach((h, i) => {
    const f = map.get(h);
    if (f && !cols.has(f)) cols.set(f, i);
  });
  for (const field of IMPORT_FIELDS) {
    if (cols.has(field) || (map && [...map.values()].includes(field))) continue;
    for (const known of KNOWN[field]) {
      const i = cells.findIndex((h, n) => h === normHeader(known) && ![...cols.values()].includes(n));
      if (i >= 0) {
        cols.set(field, i);
        break;
      }
    }
  }
  return cols.has('id') ? cols : null;
}
