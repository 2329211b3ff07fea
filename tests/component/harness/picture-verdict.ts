import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OcrLine } from '../../../src/ocr/ocr-engine';
import { qrCode } from '../../../src/image/qr-code';
import { readFields } from '../../../src/image/read-fields';
import { withPictures } from '../../../src/image/with-pictures';
import type { Lang } from '../../../src/i18n/lang';
import type { PictureFacts, ScanResult } from '../../../src/types';
import { judge, judged } from '../../../src/verdict/judge';
import { factsOf } from '../../unit/scan-html';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

/** One OCR line at (x, y), every character read with `prob`. */
function ocrLine(text: string, x: number, y: number, prob = 0.99): OcrLine {
  const chars = [...text].map((char) => ({ char, prob, alternatives: [] }));
  const width = 20 * chars.length;
  return { text, chars, confidence: prob, rect: { cx: x + width / 2, cy: y, width, height: 22, angle: 0 } };
}

/** What the OCR gives for a 2016 paper licence (letter-spaced labels, the code top left). */
export function paperLicence(code: string, name: string, prob = 0.99): OcrLine[] {
  return [
    ocrLine('统一社会信用代码', 40, 30),
    ocrLine(code, 40, 60, prob),
    ocrLine('营业执照', 420, 120),
    ocrLine('名', 60, 250), ocrLine('称', 130, 250), ocrLine(name, 200, 250),
    ocrLine('注册资本', 600, 250), ocrLine('伍佰万元整', 720, 250),
    ocrLine('类', 60, 290), ocrLine('型', 130, 290), ocrLine('有限责任公司（自然人独资）', 200, 290),
    ocrLine('成立日期', 600, 290), ocrLine('2019年03月12日', 720, 290),
    ocrLine('法定代表人', 60, 330), ocrLine('王建国', 200, 330),
    ocrLine('住', 600, 330), ocrLine('所', 660, 330), ocrLine('厦门市思明区湖滨南路12号3幢405室', 720, 330),
  ];
}

/** A licence picture as the reader gives it: the fields read through the page's readers, its QR codes. */
export function licencePicture(src: string, lines: OcrLine[], qr: string[], extra: Partial<PictureFacts> = {}): PictureFacts {
  const { identifiers, licence } = readFields(lines, src);
  return { picture: src, status: 'read', identifiers, licence, qr: qr.map(qrCode), lines: lines.map((l) => l.text), ...extra };
}

/** A picture the reader could not read ("could not read", never "no licence"). */
export const unreadablePicture = (src: string, reason = 'http 403'): PictureFacts => ({ picture: src, status: 'unreadable', reason, identifiers: [], licence: null, qr: [], lines: [] });

/** The verdict the worker stores for a demo page with these pictures read (page rules and picture rules, no list). */
export function pictureVerdict(page: string, url: string, pictures: PictureFacts[], lang: Lang = 'zh-CN'): ScanResult {
  const facts = withPictures(factsOf(readFileSync(DEMO + page, 'utf8'), url), pictures);
  return judged(facts, judge(facts, { lang }).verdict);
}
