import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPictures } from '../../src/image/with-pictures';
import { readPictureFile } from '../../src/tools/ocr/node-reader';
import { judge } from '../../src/verdict/judge';
import type { ReadOptions } from '../../src/ocr/ocr-engine';
import type { PictureFacts } from '../../src/types';
import type { RenderedPicture } from '../licence-pictures/make-pictures';

/**
 * ocr.accuracy.*: the picture reader (the CLI's, node) on a rendered set it was not tuned on
 * (tests/licence-pictures/make-pictures.ts, held-out seeds). `uscc_read`: the printed code is among
 * the codes read, exactly; `name_read`: the licence's name read exactly; `tampered_caught` /
 * `spoofed_caught`: the danger finding each case must raise; `false_alarms`: any warning or danger
 * finding on a clean licence or a picture with no licence (must be 0); `invalid_flagged`: an
 * invalid printed code said as id-invalid or "could not read clearly", never as danger.
 *
 * `npx tsx tests/bench/ocr-accuracy.ts DIR [--batch N] [--opts '{"detMaxSide":736}']` prints the figures and each miss.
 */
export async function ocrAccuracy(dir: string, options?: ReadOptions) {
  const set = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as RenderedPicture[];
  const count = { early: 0, earlySame: 0, earlyFindingsSame: 0, licences: 0, uscc: 0, name: 0, tampered: 0, tamperedCaught: 0, spoofed: 0, spoofedCaught: 0, invalid: 0, invalidFlagged: 0, quiet: 0, falseAlarms: 0, dangerOnInvalid: 0 };
  const misses: string[] = [];
  const ms: number[] = [];
  const stages: Record<string, number[]> = {};
  for (const { spec, file } of set) {
    const started = performance.now();
    let early: PictureFacts | null = null;
    const { facts: picture, timings } = await readPictureFile(join(dir, file), file, { ...options, onFirst: (f) => (early = f) });
    ms.push(performance.now() - started);
    for (const [stage, t] of Object.entries(timings)) (stages[stage] ??= []).push(t);
    const judged = (p: PictureFacts) => judge(withPictures({ url: `file:///${file}`, identifiers: [], licenses: [], badges: [], store: null }, [p]), { lang: 'zh-CN' }).verdict.findings;
    const findings = judged(picture);
    if (early) {
      // The verdict's facts handed over early must be the whole reading's code and name, and judge alike.
      const e: PictureFacts = early;
      count.early++;
      if (e.licence?.name === picture.licence?.name && e.licence?.uscc === picture.licence?.uscc) count.earlySame++;
      else misses.push(`${file}: early ${e.licence?.uscc} ${e.licence?.name} but whole ${picture.licence?.uscc} ${picture.licence?.name}`);
      const said = (fs: typeof findings) => fs.filter((f) => f.severity !== 'info').map((f) => f.code).sort().join(',');
      if (said(judged(e)) === said(findings)) count.earlyFindingsSame++;
      else misses.push(`${file}: early findings ${said(judged(e))} but whole ${said(findings)}`);
    }
    const codes = findings.map((f) => f.code);
    const loud = findings.filter((f) => f.severity === 'danger' || f.severity === 'warning');
    if (spec.layout !== 'none') {
      count.licences++;
      if (picture.identifiers.some((i) => i.kind === 'uscc' && i.value === spec.uscc)) count.uscc++;
      else misses.push(`${file}: uscc ${spec.uscc} read as ${picture.identifiers.map((i) => i.value).join(', ') || '-'}`);
      if (picture.licence?.name === spec.name) count.name++;
      else misses.push(`${file}: name ${spec.name} read as ${picture.licence?.name ?? '-'}`);
    }
    if (spec.case === 'tampered') {
      count.tampered++;
      if (codes.includes('licence-tampered')) count.tamperedCaught++;
      else misses.push(`${file}: tampered not caught (${codes.join(', ')})`);
    } else if (spec.case === 'spoofed') {
      count.spoofed++;
      if (codes.includes('badge-spoofed')) count.spoofedCaught++;
      else misses.push(`${file}: spoofed not caught (${codes.join(', ')})`);
    } else if (spec.case === 'invalid') {
      count.invalid++;
      if (codes.includes('id-invalid') || codes.includes('picture-unclear')) count.invalidFlagged++;
      if (findings.some((f) => f.severity === 'danger')) {
        count.dangerOnInvalid++;
        misses.push(`${file}: danger on an invalid code (${codes.join(', ')})`);
      }
    } else {
      count.quiet++;
      if (loud.length) {
        count.falseAlarms++;
        misses.push(`${file}: false alarm ${loud.map((f) => `${f.code}: ${f.evidence}`).join('; ')}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    pictures: set.length,
    uscc_read_pct: pct(count.uscc, count.licences),
    name_read_pct: pct(count.name, count.licences),
    tampered_caught: `${count.tamperedCaught}/${count.tampered}`,
    spoofed_caught: `${count.spoofedCaught}/${count.spoofed}`,
    invalid_flagged: `${count.invalidFlagged}/${count.invalid}`,
    danger_on_invalid: count.dangerOnInvalid,
    false_alarms: `${count.falseAlarms}/${count.quiet}`,
    // Pictures whose verdict's facts were known before the whole was read; of those, how many had the
    // whole reading's code and name, and the same warnings and dangers.
    early_facts: `${count.early}/${count.licences}`,
    early_same_code_and_name: `${count.earlySame}/${count.early}`,
    early_same_findings: `${count.earlyFindingsSame}/${count.early}`,
    // Per picture in node (the first includes the model load): decoding, QR, and the OCR's stages.
    node_median_ms: Math.round(median(ms)),
    node_stage_median_ms: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v))])),
    misses,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: ocr-accuracy.ts DIR (made by tests/licence-pictures/make-pictures.ts)');
  const batch = process.argv.indexOf('--batch');
  const opts = process.argv.indexOf('--opts');
  const options: ReadOptions = { ...(batch > 0 ? { batch: Number(process.argv[batch + 1]) } : {}), ...(opts > 0 ? (JSON.parse(process.argv[opts + 1]!) as ReadOptions) : {}) };
  console.log(JSON.stringify(await ocrAccuracy(dir, options), null, 1));
}
