import type { OcrLine } from '../ocr/ocr-engine';
import { dominantAngle } from '../ocr/reading-order';

/**
 * Labels of licence fields as they are printed on paper licences, often letter-spaced (名　　称,
 * 住　　所) or run into their value by the reader (法定代表人刘志强): the layout puts them back as
 * "label<TAB>value", the shape the page's licence-card reader (src/scan/licenses.ts) and the
 * identifier reader (src/scan/detect-text.ts) already understand.
 */
export const PRINTED_LABELS = [
  '统一社会信用代码', '营业执照注册号', '注册号', '名称', '企业名称', '类型', '企业类型', '法定代表人', '负责人', '经营者', '投资人',
  '执行事务合伙人', '经营范围', '注册资本', '成立日期', '注册日期', '营业期限', '住所', '经营场所', '营业场所', '登记机关', '组成形式',
];

const SPACED = PRINTED_LABELS.sort((a, b) => b.length - a.length).map((label) => ({
  label,
  // Each character, then any spaces or cell breaks the letter-spacing left between them.
  pattern: new RegExp(`^${[...label].join('[ \\t]*')}(?:[ \\t]*[:：])?[ \\t]*`),
}));

/** One line of the picture's text as laid out, with the reader's lines it came from. */
export interface LaidRow {
  text: string;
  lines: OcrLine[];
}

/**
 * The reader's lines as text: rows top to bottom (in the picture's own tilt), the lines of a row
 * left to right with a tab between them, labels at the start of a cell made whole and followed by a
 * tab. Offsets into the returned text are one per character, as the page readers expect.
 */
export function layoutText(lines: OcrLine[]): { text: string; rows: LaidRow[] } {
  if (!lines.length) return { text: '', rows: [] };
  const angle = dominantAngle(lines.map((l) => l.rect));
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  const placed = lines.map((line) => {
    const x = line.rect.cx * c - line.rect.cy * s;
    const y = line.rect.cx * s + line.rect.cy * c;
    return { line, x0: x - line.rect.width / 2, y, h: line.rect.height };
  });
  placed.sort((a, b) => a.y - b.y);
  const rows: (typeof placed)[] = [];
  for (const p of placed) {
    const row = rows[rows.length - 1];
    // Same row when the centres are within half a line height of the row's last line.
    if (row && Math.abs(p.y - row[row.length - 1]!.y) < 0.5 * Math.min(p.h, row[row.length - 1]!.h)) row.push(p);
    else rows.push([p]);
  }
  const laid = rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    return { text: cellsText(row.map((p) => p.line.text)), lines: row.map((p) => p.line) };
  });
  return { text: laid.map((r) => r.text).join('\n'), rows: laid };
}

/** The row's cells joined by tabs, each letter-spaced or run-on label made whole and tab-separated. */
function cellsText(cells: string[]): string {
  let text = cells.map((t) => t.trim()).join('\t');
  const out: string[] = [];
  let rest = text;
  while (rest.length) {
    const hit = SPACED.find((l) => l.pattern.test(rest));
    if (hit) {
      const m = hit.pattern.exec(rest)!;
      out.push(hit.label + '\t');
      rest = rest.slice(m[0].length);
      continue;
    }
    const tab = rest.indexOf('\t');
    if (tab < 0) {
      out.push(rest);
      break;
    }
    out.push(rest.slice(0, tab + 1));
    rest = rest.slice(tab + 1);
  }
  text = out.join('').replace(/\t+/g, '\t').replace(/\t$/, '');
  return text;
}
