import { normalizeText } from '../identifiers/normalize';
import type { OcrLine } from '../ocr/ocr-engine';
import { detectText } from '../scan/detect-text';
import { excerpt } from '../scan/evidence';
import { findLicenses } from '../scan/licenses';
import type { Identifier, LicenseRecord } from '../types';
import { repairCode, type CodeReading } from './code-repair';
import { layoutText } from './ocr-layout';

/** What the field reader made of a picture's text. */
export interface PictureFields {
  identifiers: Identifier[];
  licence: LicenseRecord | null;
  /** The laid-out text (rows, tab-separated cells). */
  text: string;
}

/** A line this short (characters) read with a mean confidence under MIN_SHORT_CONFIDENCE is a fragment. */
const SHORT_LINE = 4;
const MIN_SHORT_CONFIDENCE = 0.6;

/** Runs of characters that could be a code: letters, digits and the bars a reader sees for 1. */
const CODE_RUN = /[0-9A-Za-z|]{15,19}/g;

/**
 * A picture's text lines → the same facts a page's text gives: codes repaired where exactly one
 * reading passes (code-repair.ts), the lines laid out as rows and cells (ocr-layout.ts), then the
 * page's own readers — detectText for identifiers, findLicenses for the licence card — so one set of
 * labels and rules serves text and pictures.
 */
export function readFields(lines: OcrLine[], picture: string): PictureFields {
  const readings = new Map<string, CodeReading>();
  // A lone character read unsurely is a speck the detector took for text (a stroke of the seal,
  // a dot of the border); a lone character read surely is half of a letter-spaced label. A short
  // line read mostly unsurely is a fragment too (a corner of the QR code read as "口5"), and would
  // stand as a cell between a label and its value.
  const kept = lines.filter((l) => {
    const length = l.text.trim().length;
    return l.confidence >= 0.9 || (length > 1 && (length > SHORT_LINE || l.confidence >= MIN_SHORT_CONFIDENCE));
  });
  const repaired = codesBesideLabels(kept.map((line) => repairLine(line, readings)));
  const { text } = layoutText(repaired);
  const norm = normalizeText(text);
  const occurrences = detectText(norm);
  const name = pictureName(picture);
  const identifiers: Identifier[] = [];
  for (const o of occurrences) {
    if (identifiers.some((i) => i.kind === o.kind && i.value === o.value)) continue;
    const id: Identifier = {
      kind: o.kind, value: o.value, valid: o.valid, problems: o.problems, label: o.label, source: 'image',
      evidence: `${name}：${excerpt(text, o.start, o.end)}`, count: 1, picture,
    };
    if (o.region) id.region = o.region;
    if (o.kind === 'uscc' || o.kind === 'regno') {
      const reading = readings.get(o.value);
      // A code that fails its check is the shop's only when every character was read surely.
      id.readSurely = Boolean(reading && reading.confident && !reading.ambiguous);
    }
    identifiers.push(id);
  }
  return { identifiers, licence: licenceOf(norm, text, occurrences, identifiers, picture, name), text };
}

/** A line that ends with a code's label (the 2016 licence prints 统一社会信用代码 above the code). */
const CODE_LABEL_END = /(?:统一社会信用代码|統一社會信用代碼|注册号|註冊號)[:：]?\s*$/;
const WHOLE_CODE = /^[0-9A-Za-z|]{15,19}$/;

/**
 * A code standing alone on its line just under a line that ends with its label is moved beside that
 * label (its rectangle, not its text): the layout then reads "label<TAB>code" whatever else shares
 * the label's row (a watermark's 仅限 read between the label and the code's row parted them).
 */
function codesBesideLabels(lines: OcrLine[]): OcrLine[] {
  const labels = lines.filter((l) => CODE_LABEL_END.test(l.text));
  if (!labels.length) return lines;
  return lines.map((line) => {
    if (!WHOLE_CODE.test(line.text.trim())) return line;
    const r = line.rect;
    const label = labels.find((l) => {
      const q = l.rect;
      const below = r.cy - q.cy;
      const left = r.cx - r.width / 2;
      return below > 0 && below < 2.5 * Math.max(q.height, r.height) && left > q.cx - q.width / 2 - 2 * q.height && left < q.cx + q.width / 2;
    });
    if (!label) return line;
    const q = label.rect;
    const step = q.width / 2 + q.height / 2 + r.width / 2;
    return { ...line, rect: { ...r, cx: q.cx + step * Math.cos(q.angle), cy: q.cy + step * Math.sin(q.angle), angle: q.angle } };
  });
}

/** The line with each code-like run repaired (when exactly one reading passes its check). */
function repairLine(line: OcrLine, readings: Map<string, CodeReading>): OcrLine {
  let chars = line.chars;
  const text = chars.map((c) => c.char).join('');
  CODE_RUN.lastIndex = 0;
  for (let m = CODE_RUN.exec(text); m; m = CODE_RUN.exec(text)) {
    const run = chars.slice(m.index, m.index + m[0].length);
    const kind = m[0].length === 15 && /^[0-9OoIilLZzSsB|]+$/.test(m[0]) ? 'regno' : 'uscc';
    const reading = repairCode(run, kind);
    readings.set(reading.value, reading);
    if (reading.value !== m[0]) {
      chars = [...chars.slice(0, m.index), ...[...reading.value].map((char, i) => ({ ...run[i]!, char })), ...chars.slice(m.index + m[0].length)];
    }
  }
  return chars === line.chars ? line : { ...line, chars, text: chars.map((c) => c.char).join('') };
}

/**
 * The picture's licence: the card the page reader finds in its text, with the picture's code when
 * the code stands apart from the fields (the paper licence prints it top left), and 类型 / 注册资本.
 */
function licenceOf(norm: string, text: string, occurrences: ReturnType<typeof detectText>, ids: Identifier[], picture: string, name: string): LicenseRecord | null {
  const cards = findLicenses(norm, text, occurrences);
  const codes = ids.filter((i) => i.kind === 'uscc' && i.label !== null);
  const regnos = ids.filter((i) => i.kind === 'regno' && i.label !== null);
  const card = cards.find((c) => c.name || c.uscc) ?? cards[0];
  if (!card && !codes.length && !regnos.length) return null;
  const base: LicenseRecord = card
    ? (({ start: _s, end: _e, ...rest }) => rest)(card)
    : { heading: null, name: null, uscc: null, regno: null, legalRepresentative: null, address: null, authority: null, established: null, validity: null, scope: null, evidence: codes[0]?.evidence ?? regnos[0]?.evidence ?? '' };
  return {
    ...base,
    ...datesTidied(base),
    name: nameTidied(base.name ?? valueAfter(norm, text, /(?:企业)?名称\t/g)),
    uscc: base.uscc ?? (codes.length === 1 ? codes[0]!.value : null),
    regno: base.regno ?? (regnos.length === 1 ? regnos[0]!.value : null),
    type: valueAfter(norm, text, /(?:企业|主体)?类型\t/g),
    capital: valueAfter(norm, text, /注册资本\t/g),
    evidence: `${name}：${base.evidence}`,
    picture,
  };
}

/**
 * The name without the marks read at either end of it: a name begins with a letter, a digit or an
 * opening bracket and ends with a letter, a digit or a closing bracket, so a watermark's comma read
 * before it ("，西安…") or a speck read after it ("…公司-") is none of it. Nothing inside is changed.
 */
export function nameTidied(name: string | null): string | null {
  if (!name) return name;
  const tidied = name.replace(/^[^\p{L}\p{N}(（]+/u, '').replace(/[^\p{L}\p{N})）]+$/u, '');
  return tidied || null;
}

/** A date as licences print it (2015年05月23日, 2015-05-23, 2015.5.23). */
const DATE = /\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?/;
const DATES = new RegExp(DATE.source, 'g');

/**
 * The picture's date fields as dates, and its 登记机关 without the date printed under the seal: a
 * stroke of the seal or the border read before a date ("用2015年05月23日") is not part of it, and the
 * seal's date read into the authority's cell ("2022年03月24日") is no authority. A field with no date
 * in it is left as read; an authority with nothing but dates is none.
 */
function datesTidied(record: LicenseRecord): Pick<LicenseRecord, 'established' | 'validity' | 'authority'> {
  const established = record.established && DATE.exec(record.established);
  const validity = record.validity && DATE.exec(record.validity);
  const authority = record.authority?.replace(DATES, '').replace(/^[\s:：,，、]+|[\s:：,，、]+$/g, '') ?? null;
  return {
    established: established ? established[0] : record.established,
    validity: validity ? record.validity!.slice(validity.index) : record.validity,
    authority: authority && /\p{Script=Han}{2}/u.test(authority) ? authority : null,
  };
}

/** The cell after a label (up to the next tab or line break), as read. */
function valueAfter(norm: string, text: string, label: RegExp): string | null {
  label.lastIndex = 0;
  const m = label.exec(norm);
  if (!m) return null;
  const start = m.index + m[0].length;
  let end = start;
  while (end < norm.length && norm[end] !== '\t' && norm[end] !== '\n') end++;
  const value = clean(text.slice(start, end));
  return value || null;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A short name for a picture in evidence: its file name, or "图片". */
export function pictureName(picture: string): string {
  const last = picture.split(/[?#]/)[0]!.split('/').pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Not percent-encoded text: keep it as it is.
  }
  const short = decoded.length > 40 ? decoded.slice(0, 37) + '…' : decoded;
  return short ? `图片 ${short}` : '图片';
}
