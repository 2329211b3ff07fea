// `OPTS='{"batch":6}' THREADS=1 npx tsx tests/bench/ocr-options.ts DIR`: the node reader's time per stage
// on the ocr bench's licence photo and platform card (rendered into DIR on the first run, which needs
// Chromium), for comparing ReadOptions. Prints, per picture, the second of three warm reads' stages
// and all three as wall/CPU milliseconds (CPU time is the steadier figure on a shared machine).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OcrEngine } from '../../src/ocr/ocr-engine';
import { decodePicture } from '../../src/tools/ocr/decode-picture';
import { nodeModels, nodeRuntime } from '../../src/tools/ocr/node-runtime';
import { licenceSpec, SETS, type LicenceSpec } from '../licence-pictures/licence-spec';
import { makePictures } from '../licence-pictures/make-pictures';

const dir = process.argv[2];
if (!dir) throw new Error('usage: ocr-options.ts DIR');
if (!existsSync(join(dir, 'expected.json'))) {
  // The same two pictures as the in-extension bench (ocr-bench.ts).
  const photo: LicenceSpec = { ...licenceSpec(SETS.tuningHeld.firstSeed + 500, 'clean', 'paper') };
  photo.look = { ...photo.look, width: 1100, rotate: 1.5, jpegQuality: 80, blur: 0 };
  await makePictures(dir, [photo, licenceSpec(SETS.tuningHeld.firstSeed + 501, 'clean', 'card')]);
}
const set = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { file: string }[];
const ocr = await OcrEngine.load(await nodeRuntime(Number(process.env.THREADS ?? 1)), await nodeModels());
const options = JSON.parse(process.env.OPTS ?? '{}') as Record<string, number>;
for (const { file } of set) {
  const raster = await decodePicture(new Uint8Array(readFileSync(join(dir, file))), file);
  await ocr.read(raster, options);
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { timings } = await ocr.read(raster, options);
    runs.push({ ms: Math.round(performance.now() - started), cpu: Math.round(process.cpuUsage(cpu).user / 1000), ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) });
  }
  console.log(file, `${raster.width}×${raster.height}`, JSON.stringify(runs[1]), runs.map((r) => `${r.ms}/${r.cpu}`).join(' '));
}
