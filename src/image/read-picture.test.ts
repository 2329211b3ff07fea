import { describe, expect, it } from 'vitest';
import type { RotatedRect } from '../ocr/geometry';
import type { OcrEngine, OcrLine } from '../ocr/ocr-engine';
import { OcrQueue } from '../ocr/ocr-queue';
import type { Raster } from '../ocr/raster';
import { dominantAngle, readingRows } from '../ocr/reading-order';
import type { PageFacts } from '../scan/facts';
import type { PictureFacts } from '../types';
import { judge } from '../verdict/judge';
import { readPicture } from './read-picture';
import { withPictures } from './with-pictures';

const CODE = '91440101MA5CKX2R1G';
const NAME = '广州鑫源电子商务有限公司';

interface Printed {
  text: string;
  rect: RotatedRect;
}
const at = (text: string, x: number, y: number): Printed => ({ text, rect: { cx: x + 10 * text.length, cy: y, width: 20 * text.length, height: 22, angle: 0 } });

/** A 2016 paper licence as the detector finds it (in no particular order: the detector's is by area). */
function paperLicence(code = CODE, name = NAME): Printed[] {
  return [
    at('经营范围', 60, 420), at('电子产品销售；日用百货销售；互联网销售（除销售需要许可的商品）', 200, 420),
    at('法定代表人', 60, 330), at('王建国', 200, 330), at('住', 600, 330), at('所', 660, 330), at('广州市天河区中山路12号3幢405室', 720, 330),
    at('营业执照', 420, 120),
    at('统一社会信用代码', 40, 30), at(code, 40, 60),
    at('名', 60, 250), at('称', 130, 250), at(name, 200, 250), at('注册资本', 600, 250), at('伍佰万元整', 720, 250),
    at('类', 60, 290), at('型', 130, 290), at('有限责任公司（自然人独资）', 200, 290),
  ];
}

/** The OCR engine's two steps over a printed layout, each recognition noted in the order asked. */
function fakeEngine(printed: Printed[]) {
  const recognized: string[] = [];
  const engine: Pick<OcrEngine, 'detect' | 'recognize'> = {
    detect: async () => printed.map((p) => ({ rect: p.rect, score: 0.9 })),
    recognize: async (_picture, rects) =>
      rects.map((rect): OcrLine => {
        const text = printed.find((p) => p.rect === rect)!.text;
        recognized.push(text);
        const chars = [...text].map((char) => ({ char, prob: 0.99, alternatives: [] }));
        return { text, chars, confidence: 0.99, rect };
      }),
  };
  return { engine, recognized };
}

const blank: Raster = { width: 900, height: 500, data: new Uint8ClampedArray(900 * 500 * 4).fill(255) };
const noQr = async () => [];

async function staged(printed: Printed[]) {
  const { engine, recognized } = fakeEngine(printed);
  const early: { facts: PictureFacts; recognizedBefore: number }[] = [];
  const reading = await readPicture(blank, 'yyzz.jpg', engine, noQr, { onFirst: (facts) => early.push({ facts, recognizedBefore: recognized.length }) });
  return { early, whole: reading.facts, recognized, timings: reading.timings };
}

describe('readPicture: the verdict’s facts first, then the rest', () => {
  it('reads rows top to bottom and hands over the code and name (complete: false) before the rest is read', async () => {
    const { early, whole, recognized } = await staged(paperLicence());
    expect(recognized.slice(0, 3)).toEqual(['统一社会信用代码', CODE, '营业执照']);
    expect(early).toHaveLength(1);
    const first = early[0]!;
    expect(first.facts.complete).toBe(false);
    expect(first.facts.licence).toMatchObject({ name: NAME, uscc: CODE, legalRepresentative: null, address: null });
    expect(first.facts.identifiers.map((i) => i.value)).toEqual([CODE]);
    // Handed over after the row below the name's (which left the code and name as they were), before the rest.
    expect(first.recognizedBefore).toBe(11);
    expect(recognized).toHaveLength(paperLicence().length);
    expect(whole.complete).toBeUndefined();
    expect(whole.licence).toMatchObject({ name: NAME, uscc: CODE, legalRepresentative: '王建国', capital: '伍佰万元整' });
    expect(whole.licence!.scope).toContain('电子产品销售');
  });

  it('falls back to reading everything when the code in the top rows fails its check', async () => {
    const broken = CODE.slice(0, 17) + (CODE.endsWith('G') ? 'H' : 'G');
    const { early, whole, recognized } = await staged(paperLicence(broken));
    expect(early).toEqual([]);
    expect(recognized).toHaveLength(paperLicence().length);
    expect(whole.complete).toBeUndefined();
    expect(whole.identifiers.find((i) => i.kind === 'uscc')).toMatchObject({ value: broken, valid: false });
  });

  it('falls back when the top rows hold a code but no name (a platform card that starts elsewhere)', async () => {
    const printed = paperLicence().filter((p) => !['名', '称', NAME].includes(p.text));
    printed.push(at(`名称：${NAME}`, 60, 480));
    const { early, whole } = await staged(printed);
    expect(early).toEqual([]);
    expect(whole.licence).toMatchObject({ name: NAME, uscc: CODE });
  });

  it('hands nothing over early when the name cell holds what no organization is called (a watermark’s words)', async () => {
    const { early, whole } = await staged(paperLicence(CODE, '仅限本店铺使用'));
    expect(early).toEqual([]);
    expect(whole.licence?.name).toBe('仅限本店铺使用');
  });

  it('waits while a row below changes the name the rows above gave', async () => {
    // The name runs on to a second line: after the first row it reads shorter than it is.
    const printed = [at('统一社会信用代码', 40, 30), at(CODE, 40, 60), at('名称', 60, 250), at('广州鑫源电子有限公司', 200, 250), at('商务', 200, 270), at('法定代表人', 60, 330), at('王建国', 200, 330), at('住所', 60, 380), at('广州市天河区', 200, 380)];
    const { engine, recognized } = fakeEngine(printed);
    const names: string[] = [];
    let before = 0;
    await readPicture(blank, 'yyzz.jpg', engine, noQr, { onFirst: (facts) => ((before = recognized.length), names.push(facts.licence!.name!)) });
    // Not after the name's first row: the row below it was still to be read.
    expect(before).toBeGreaterThan(4);
    expect(names).toHaveLength(1);
  });

  it('hands nothing over early when the name stands on the last row (nothing would be left to read)', async () => {
    const printed = [at('统一社会信用代码', 40, 30), at(CODE, 40, 60), at('名称', 60, 250), at(NAME, 200, 250)];
    const { early, whole } = await staged(printed);
    expect(early).toEqual([]);
    expect(whole.licence).toMatchObject({ name: NAME, uscc: CODE });
  });

  it('without onFirst (the command line) reads everything as one reading', async () => {
    const { engine, recognized } = fakeEngine(paperLicence());
    const reading = await readPicture(blank, 'yyzz.jpg', engine, noQr);
    expect(recognized).toHaveLength(paperLicence().length);
    expect(reading.facts.complete).toBeUndefined();
    expect(reading.timings.firstMs).toBeUndefined();
  });
});

describe('partial facts never raise a finding by omission', () => {
  const text = (over: Partial<PageFacts['licenses'][number]> = {}): PageFacts => ({
    url: 'https://shop.example/about', identifiers: [], badges: [], store: null,
    licenses: [{ heading: null, name: NAME, uscc: CODE, regno: null, legalRepresentative: '王建国', address: '广州市天河区中山路12号3幢405室', authority: null, established: null, validity: null, scope: '电子产品销售', evidence: '名称 …', ...over }],
  });
  const codesOf = (facts: PageFacts, p: PictureFacts) => judge(withPictures(facts, [p]), { lang: 'zh-CN' }).verdict.findings.map((f) => f.code);

  it('the early facts of a licence the page also shows as text: no licence-conflict, no picture-unclear', async () => {
    const { early } = await staged(paperLicence());
    const codes = codesOf(text(), early[0]!.facts);
    expect(codes).not.toContain('licence-conflict');
    expect(codes).not.toContain('picture-unclear');
  });

  it('licence-conflict comes from a code actually read, early or whole alike', async () => {
    const other = '91440305E0797P480K';
    const { early, whole } = await staged(paperLicence());
    expect(codesOf(text({ uscc: other }), early[0]!.facts)).toContain('licence-conflict');
    expect(codesOf(text({ uscc: other }), whole)).toContain('licence-conflict');
  });

  it('an incomplete picture is never "could not read"', () => {
    const going: PictureFacts = { picture: 'yyzz.jpg', status: 'unreadable', identifiers: [], licence: null, qr: [], lines: [], complete: false };
    expect(codesOf(text(), going)).not.toContain('picture-unclear');
    // The same facts from a reading that ended are said plainly.
    expect(codesOf(text(), { ...going, complete: true })).toContain('picture-unclear');
  });
});

describe('readingRows', () => {
  it('orders lines top to bottom, a row left to right, in the picture’s tilt', () => {
    const tilt = 0.05;
    const line = (x: number, y: number, width: number) => ({ cx: x * Math.cos(tilt) - y * Math.sin(tilt), cy: x * Math.sin(tilt) + y * Math.cos(tilt), width, height: 20, angle: tilt });
    // The right-hand cell of row 1 stands lower on the tilted page than the left-hand cell of row 2.
    const rects = [line(700, 100, 200), line(100, 130, 200), line(100, 100, 200), line(400, 130, 200)];
    expect(rects[0]!.cy).toBeGreaterThan(rects[1]!.cy);
    expect(readingRows(rects)).toEqual([[2, 0], [1, 3]]);
  });
});

describe('dominantAngle', () => {
  it('is the angle most wide lines share, not pulled towards a watermark repeated at its own angle', () => {
    const line = (angle: number) => ({ width: 300, height: 24, angle });
    const rects = [...Array.from({ length: 10 }, (_, i) => line(0.02 + i * 0.001)), line(0.3), line(0.3), ...Array.from({ length: 8 }, () => line(0.5))];
    expect(dominantAngle(rects)).toBeCloseTo(0.025, 2);
    // Narrow boxes (single characters) say nothing about the tilt.
    expect(dominantAngle([line(0.1), { width: 20, height: 24, angle: 0.9 }, { width: 20, height: 24, angle: 0.9 }])).toBe(0.1);
    expect(dominantAngle([])).toBe(0);
  });
});

describe('OcrQueue', () => {
  it('runs one step at a time, a waiting first step before any waiting rest step', async () => {
    const queue = new OcrQueue();
    const log: string[] = [];
    let release!: () => void;
    const held = queue.run('rest', () => new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('rest-0')));
    const rest = queue.run('rest', async () => void log.push('rest-1'));
    const first = queue.run('first', async () => void log.push('first'));
    await Promise.resolve();
    expect(log).toEqual([]);
    release();
    await Promise.all([held, rest, first]);
    expect(log).toEqual(['rest-0', 'first', 'rest-1']);
  });

  it('goes on after a step that failed', async () => {
    const queue = new OcrQueue();
    await expect(queue.run('first', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('rest', async () => 1)).resolves.toBe(1);
  });
});
