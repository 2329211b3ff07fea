import { describe, expect, it } from 'vitest';
import { checkUscc } from '../identifiers/checks';
import type { OcrLine } from '../ocr/ocr-engine';
import { makeUscc, rng } from '../../tests/licence-pictures/licence-spec';
import { repairCode } from './code-repair';
import { nameTidied, readFields } from './read-fields';

/** One OCR line at (x, y): each character read with `prob`, except those `unsure` names. */
function ocrLine(text: string, x: number, y: number, prob = 0.99, unsure: Record<number, number> = {}): OcrLine {
  const chars = [...text].map((char, i) => ({ char, prob: unsure[i] ?? prob, alternatives: [] }));
  const width = 20 * chars.length;
  return { text, chars, confidence: chars.reduce((n, c) => n + c.prob, 0) / Math.max(1, chars.length), rect: { cx: x + width / 2, cy: y, width, height: 22, angle: 0 } };
}

const CODE = '91440101MA5CKX2R1G';

/** What the reader gives for a 2016 paper licence: letter-spaced labels, the code top left on its own line. */
function paperLicence(code: string, unsure: Record<number, number> = {}): OcrLine[] {
  return [
    ocrLine('统一社会信用代码', 40, 30),
    ocrLine(code, 40, 60, 0.99, unsure),
    ocrLine('营业执照', 420, 120),
    ocrLine('（副本）', 470, 190),
    ocrLine('名', 60, 250), ocrLine('称', 130, 250), ocrLine('广州鑫源电子商务有限公司', 200, 250),
    ocrLine('注册资本', 600, 250), ocrLine('伍佰万元整', 720, 250),
    ocrLine('类', 60, 290), ocrLine('型', 130, 290), ocrLine('有限责任公司（自然人独资）', 200, 290),
    ocrLine('成立日期', 600, 290), ocrLine('2019年03月12日', 720, 290),
    ocrLine('法定代表人', 60, 330), ocrLine('王建国', 200, 330),
    ocrLine('住', 600, 330), ocrLine('所', 660, 330), ocrLine('广州市天河区中山路12号3幢405室', 720, 330),
  ];
}

describe('readFields: OCR lines through the page readers', () => {
  it('reads the code, the name and the fields of a paper licence, as an image identifier', () => {
    const { identifiers, licence } = readFields(paperLicence(CODE), 'https://shop.example/img/yyzz.jpg');
    const uscc = identifiers.find((i) => i.kind === 'uscc');
    expect(uscc).toMatchObject({ value: CODE, valid: true, source: 'image', readSurely: true, picture: 'https://shop.example/img/yyzz.jpg' });
    expect(uscc!.evidence).toContain('yyzz.jpg');
    expect(licence).toMatchObject({ name: '广州鑫源电子商务有限公司', uscc: CODE, legalRepresentative: '王建国', type: '有限责任公司（自然人独资）', capital: '伍佰万元整' });
  });

  it('drops the marks read at either end of the name (a watermark’s comma before it, a speck after it)', () => {
    const lines = paperLicence(CODE).map((l) => (l.text === '广州鑫源电子商务有限公司' ? ocrLine('，广州鑫源电子商务有限公司-', 180, 250) : l));
    expect(readFields(lines, 'p.jpg').licence?.name).toBe('广州鑫源电子商务有限公司');
    expect(nameTidied('。北京鑫源科技（北京）有限公司（分公司）.')).toBe('北京鑫源科技（北京）有限公司（分公司）');
    expect(nameTidied('(广州)鑫源有限公司')).toBe('(广州)鑫源有限公司');
    expect(nameTidied('，。-')).toBeNull();
  });

  it('reads Traditional, full-width labels of a platform card', () => {
    const lines = [ocrLine('企業名稱：廣州鑫源電子商務有限公司', 30, 40), ocrLine(`統一社會信用代碼：${CODE.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`, 30, 80)];
    const { identifiers, licence } = readFields(lines, 'card.png');
    expect(identifiers.find((i) => i.kind === 'uscc')?.value).toBe(CODE);
    expect(licence?.name).toBe('廣州鑫源電子商務有限公司');
  });

  it('repairs an O read for a 0 where only one reading passes the check', () => {
    const misread = CODE.slice(0, 4) + 'O' + CODE.slice(5);
    const { identifiers } = readFields(paperLicence(misread), 'p.jpg');
    expect(identifiers.find((i) => i.kind === 'uscc')).toMatchObject({ value: CODE, valid: true, readSurely: false });
  });

  it('keeps a surely read code that fails its check as read: an id-invalid candidate', () => {
    const broken = CODE.slice(0, 17) + 'H';
    const uscc = readFields(paperLicence(broken), 'p.jpg').identifiers.find((i) => i.kind === 'uscc');
    expect(uscc).toMatchObject({ value: broken, valid: false, readSurely: true });
  });

  it('a short fragment read unsurely (a corner of the QR code) does not part the code from its label', () => {
    const broken = CODE.slice(0, 17) + 'H';
    const lines = [...paperLicence(broken), ocrLine('口5', 800, 32, 0.53)];
    const uscc = readFields(lines, 'p.jpg').identifiers.find((i) => i.kind === 'uscc');
    expect(uscc).toMatchObject({ value: broken, valid: false, label: '统一社会信用代码' });
    // A short line read surely stays: it may be a value (a legal representative's name).
    expect(readFields([...paperLicence(CODE), ocrLine('王五', 800, 32, 0.95)], 'p.jpg').text).toContain('王五');
  });

  it('a code under its label keeps its label when a watermark’s words stand on the label’s row', () => {
    const lines = [...paperLicence(CODE), ocrLine('仅限', 500, 30, 0.97)];
    expect(readFields(lines, 'p.jpg').identifiers.find((i) => i.kind === 'uscc')).toMatchObject({ value: CODE, label: '统一社会信用代码' });
    // A code far below the label is not taken for the label's.
    const far = [ocrLine('统一社会信用代码', 40, 30), ocrLine('仅限', 500, 30, 0.97), ocrLine(CODE, 40, 200)];
    expect(readFields(far, 'p.jpg').identifiers.find((i) => i.kind === 'uscc')?.label ?? null).toBeNull();
  });

  it('a failing code read unsurely is not read surely (could not read clearly)', () => {
    const broken = CODE.slice(0, 17) + 'H';
    const uscc = readFields(paperLicence(broken, { 13: 0.4 }), 'p.jpg').identifiers.find((i) => i.kind === 'uscc');
    expect(uscc?.valid === false && uscc.readSurely === true).toBe(false);
  });

  it('keeps the dates of date fields and no seal date as the authority (a stroke read before a date is not part of it)', () => {
    const lines = paperLicence(CODE).map((l) => (l.text === '2019年03月12日' ? ocrLine('用2019年03月12日', 720, 290) : l));
    lines.push(ocrLine('营业期限', 600, 370), ocrLine('·2019年03月12日至长期', 720, 370));
    lines.push(ocrLine('登记机关', 600, 520), ocrLine('2022年03月24日', 720, 520));
    const { licence } = readFields(lines, 'p.jpg');
    expect(licence).toMatchObject({ established: '2019年03月12日', validity: '2019年03月12日至长期', authority: null, name: '广州鑫源电子商务有限公司' });
    const named = paperLicence(CODE).concat(ocrLine('登记机关', 600, 520), ocrLine('广州市天河区市场监督管理局 2022年03月24日', 720, 520));
    expect(readFields(named, 'p.jpg').licence?.authority).toBe('广州市天河区市场监督管理局');
  });

  it('finds nothing in a product banner', () => {
    const lines = [ocrLine('夏季新款 纯棉短袖T恤', 60, 60), ocrLine('订单号：202405120000000077', 60, 300), ocrLine('客服热线：400-820-1234', 60, 330), ocrLine('¥59.9', 700, 400)];
    const { identifiers, licence } = readFields(lines, 'banner.jpg');
    expect(identifiers.filter((i) => i.kind === 'uscc' || i.kind === 'regno')).toEqual([]);
    expect(licence).toBeNull();
  });
});

describe('repairCode', () => {
  const chars = (s: string, prob = 0.99, unsure: Record<number, number> = {}) => [...s].map((char, i) => ({ char, prob: unsure[i] ?? prob, alternatives: [] }));

  it('keeps a code that passes as read, even when read unsurely (never into another valid code)', () => {
    const r = repairCode(chars(CODE, 0.5), 'uscc');
    expect(r).toMatchObject({ value: CODE, repaired: false, ambiguous: false, confident: false });
  });

  it('replaces characters no code may hold where they stand, when exactly one reading passes', () => {
    const r = repairCode(chars('9I44O1O1MA5CKX2R1G'), 'uscc');
    expect(r).toMatchObject({ value: CODE, repaired: true, confident: false });
  });

  it('changes nothing when several readings pass', () => {
    // Look for a code and two unsure characters with look-alikes where more than one reading passes.
    const swap: Record<string, string> = { '5': 'S', S: '5', '8': 'B', B: '8', '2': 'Z', Z: '2', '0': 'D', D: '0', '1': 'L', L: '1' };
    let found = 0;
    const r = rng(7);
    const codes = Array.from({ length: 40 }, () => makeUscc(r, '440305'));
    for (const code of codes) {
      for (let i = 8; i < 17; i++) {
        for (let j = i + 1; j < 18; j++) {
          if (!swap[code[i]!] || !swap[code[j]!]) continue;
          const read = [...code];
          read[i] = swap[code[i]!]!;
          if (checkUscc(read.join('')).length === 0) continue;
          const r = repairCode(chars(read.join(''), 0.99, { [i]: 0.5, [j]: 0.5 }), 'uscc');
          if (r.ambiguous) {
            found++;
            expect(r.value).toBe(read.join(''));
            expect(r.repaired).toBe(false);
          } else if (r.repaired) {
            expect(checkUscc(r.value)).toEqual([]);
          }
        }
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
