// `npx tsx tests/licence-pictures/make-pictures.ts OUT_DIR [--set tuning|tuningHeld|tuningWatermark|heldOut|heldOut2] [--n N]`:
// renders a set of licence pictures in Debian's Chromium and writes each with `expected.json`
// (the spec: what is printed, what the QR code says, which case it is). The e2e tests and the bench
// make their pictures with it; nothing is downloaded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETS, specSet, type LicenceSpec } from './licence-spec';
import { PictureRenderer } from './render-pictures';

export interface RenderedPicture {
  spec: LicenceSpec;
  file: string;
}

/** Renders `specs` into `dir`; returns each picture's file name (relative to `dir`). */
export async function makePictures(dir: string, specs: LicenceSpec[]): Promise<RenderedPicture[]> {
  mkdirSync(dir, { recursive: true });
  const renderer = await PictureRenderer.open();
  try {
    const out: RenderedPicture[] = [];
    for (const spec of specs) {
      const { bytes, type } = await renderer.render(spec);
      const file = `${spec.id}.${type === 'jpeg' ? 'jpg' : 'png'}`;
      writeFileSync(join(dir, file), bytes);
      out.push({ spec, file });
    }
    writeFileSync(join(dir, 'expected.json'), JSON.stringify(out, null, 1));
    return out;
  } finally {
    await renderer.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = args[0];
  if (!dir || dir.startsWith('--')) throw new Error('usage: make-pictures.ts OUT_DIR [--set tuning|tuningHeld|tuningWatermark|heldOut|heldOut2] [--n N]');
  const set = (opt('--set') ?? 'heldOut') as keyof typeof SETS;
  if (!SETS[set]) throw new Error(`no set ${set}: ${Object.keys(SETS).join(', ')}`);
  const n = Number(opt('--n') ?? 20);
  const made = await makePictures(dir, specSet(SETS[set].firstSeed, n, SETS[set]));
  console.log(`${made.length} pictures in ${dir}`);
}
