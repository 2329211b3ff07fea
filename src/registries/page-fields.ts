/**
 * Label/value pairs and tables of a registry result page, whatever markup carries them: `dl dt+dd`,
 * `th`/`td` or `td.title`/`td` rows, form items (`label` + content), and "标签：值" in one element.
 * Registries change their markup more often than their labels, so readers ask by label.
 */

const MAX_TEXT = 400;

/** An element's text with whitespace collapsed, capped (the page is hostile input too). */
export function textOf(node: Node | null | undefined): string {
  const raw = node?.textContent ?? '';
  return raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim().slice(0, MAX_TEXT);
}

/** A label as compared: half-width, no spaces or colons. */
export function normLabel(label: string): string {
  return label.normalize('NFKC').replace(/[\s:：*]/g, '');
}

/** Every label → its values (first one first), from all the shapes registries use. */
export function labelPairs(root: ParentNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (label: string, value: string) => {
    const key = normLabel(label);
    if (!key || key.length > 30 || !value) return;
    const list = out.get(key) ?? [];
    list.push(value);
    out.set(key, list);
  };
  for (const dt of Array.from(root.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') add(textOf(dt), textOf(dd));
  }
  for (const tr of Array.from(root.querySelectorAll('tr'))) {
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    // A row of label, value (, label, value …) pairs: the label is a th or a td marked as one.
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const label = cells[i]!;
      const isLabel = label.tagName === 'TH' || /\btitle\b|\blabel\b|\bname\b/.test(label.getAttribute('class') ?? '') || /[:：]$/.test(textOf(label));
      if (!isLabel || cells[i + 1]!.tagName !== 'TD') break;
      add(textOf(label), textOf(cells[i + 1]));
    }
  }
  for (const label of Array.from(root.querySelectorAll('label, [class*="label"], [class*="item-name"]'))) {
    const value = label.nextElementSibling;
    if (value && !value.matches('label, [class*="label"]')) add(textOf(label), textOf(value));
  }
  // "统一社会信用代码：9133…" inside one small element (search result items do this).
  for (const el of Array.from(root.querySelectorAll('span, p, li, div'))) {
    if (el.children.length > 2) continue;
    const m = /^([\u4e00-\u9fff（）()/]{2,14})[:：]\s*(.+)$/.exec(textOf(el));
    if (m) add(m[1]!, m[2]!);
  }
  return out;
}

/** The first value of any of these labels (compared normalized), or null. */
export function valueOf(pairs: Map<string, string[]>, labels: readonly string[]): string | null {
  for (const l of labels) {
    const v = pairs.get(normLabel(l))?.[0];
    if (v) return v;
  }
  return null;
}

/** A table as header → cell records, for tables with a header row (incl. Element UI's split tables). */
export interface HeadedTable {
  headers: string[];
  rows: Record<string, string>[];
  /** The heading just before the table (its section title), when there is one. */
  title: string;
}

/** Every table with a header row: normal tables, and Element UI tables (header and body apart). */
export function headedTables(root: ParentNode): HeadedTable[] {
  const out: HeadedTable[] = [];
  const seen = new Set<Element>();
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (seen.has(table)) continue;
    const ths = Array.from(table.querySelectorAll('thead th, tr:first-child > th'));
    if (ths.length < 2) continue;
    const headers = ths.map((th) => normLabel(textOf(th)));
    // Element UI puts the body rows in a second table inside the same .el-table.
    const group = table.closest('.el-table');
    const bodies = group ? Array.from(group.querySelectorAll('table')) : [table];
    bodies.forEach((t) => seen.add(t));
    const rows: Record<string, string>[] = [];
    for (const body of bodies) {
      for (const tr of Array.from(body.querySelectorAll('tr'))) {
        const tds = Array.from(tr.children).filter((c) => c.tagName === 'TD');
        if (tds.length < 2) continue;
        const row: Record<string, string> = {};
        headers.forEach((h, i) => {
          if (tds[i]) row[h] = textOf(tds[i]);
        });
        rows.push(row);
      }
    }
    out.push({ headers, rows, title: sectionTitle(group ?? table) });
  }
  return out;
}

/** The nearest heading-like text before an element (h1–h6, or an element marked as a title). */
function sectionTitle(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (/^H[1-6]$/.test(prev.tagName) || /title|head/i.test(prev.getAttribute('class') ?? '')) return textOf(prev);
    }
  }
  return '';
}

/** The cell of a row under the first header that contains any of these words. */
export function cell(row: Record<string, string>, words: readonly string[]): string | null {
  for (const w of words) {
    const key = Object.keys(row).find((k) => k.includes(normLabel(w)));
    const v = key ? row[key] : undefined;
    if (v && v !== '-' && v !== '—') return v;
  }
  return null;
}

/** A search box's current value (the page shows what it searched for there). */
export function inputValue(root: ParentNode, selectors: string): string | null {
  for (const el of Array.from(root.querySelectorAll(selectors))) {
    const v = ((el as HTMLInputElement).value ?? el.getAttribute('value') ?? '').trim();
    if (v) return v.slice(0, 100);
  }
  return null;
}

/** Does the page's text say any of these phrases (nothing found, say)? */
export function pageSays(root: ParentNode & Node, phrases: readonly string[]): string | null {
  const body = (root as Document).body ?? root;
  const text = (body.textContent ?? '').replace(/\s+/g, '');
  return phrases.find((p) => text.includes(p)) ?? null;
}
