import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromiumDriver } from '../e2e/driver/chromium-driver';
import { poll } from '../e2e/driver/poll';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { licenceSpec, SETS, specSet, type LicenceSpec } from '../licence-pictures/licence-spec';
import { makePictures } from '../licence-pictures/make-pictures';
import { ocrAccuracy } from './ocr-accuracy';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Pictures of the held-out set (heldOut2: made before the watermark work, read once after it; the
 * reader was never tuned on it), and of the tuning set read beside it.
 */
const HELD_OUT = 100;
const TUNING_HELD = 30;
const WARM_READS = 5;

/**
 * ocr.*: accuracy on a held-out rendered set (node, the CLI's reader), time per picture in the
 * extension's own document in real Chromium (the offscreen document, warm model: a 1100×800 licence
 * photo and a 760-px platform card; the first reading includes the model load), and the zips' sizes.
 */
export async function benchOcr(chromiumPath: string): Promise<Record<string, unknown>> {
  process.env.CHROMIUM_PATH ??= chromiumPath;
  const dir = mkdtempSync(join(tmpdir(), 'lz-ocr-bench-'));
  try {
    await makePictures(join(dir, 'held'), specSet(SETS.heldOut2.firstSeed, HELD_OUT));
    await makePictures(join(dir, 'tuning'), specSet(SETS.tuningHeld.firstSeed, TUNING_HELD));
    const accuracy = await ocrAccuracy(join(dir, 'held'));
    const accuracyTuning = await ocrAccuracy(join(dir, 'tuning'));
    const inExtension = await benchOcrInExtension(join(dir, 'timed')).catch((error: unknown) => ({ in_extension_error: String(error instanceof Error ? error.message : error) }));
    const zip = (target: string) => Math.round(statSync(join(repo, 'dist', `liangzhao-guard-${target}.zip`)).size / 1024);
    return { ...inExtension, zip_kb: { chrome: zip('chrome'), firefox: zip('firefox') }, accuracy, accuracy_tuning: accuracyTuning };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ocr.licence_ms, card_ms, model_load_ms: a 1100×800 licence photo and a 760-px card read in the extension. */
export async function benchOcrInExtension(dir: string, dist?: string) {
  const photo: LicenceSpec = { ...licenceSpec(SETS.tuningHeld.firstSeed + 500, 'clean', 'paper') };
  photo.look = { ...photo.look, width: 1100, rotate: 1.5, jpegQuality: 80, blur: 0 };
  const card = licenceSpec(SETS.tuningHeld.firstSeed + 501, 'clean', 'card');
  const [p, c] = await makePictures(dir, [photo, card]);
  return timeInExtension(readFileSync(join(dir, p!.file)).toString('base64'), readFileSync(join(dir, c!.file)).toString('base64'), dist);
}

/**
 * Readings asked of the offscreen document by the extension's own service worker, exactly as the
 * worker asks them for a page (the engine's messages are accepted only from the worker: the bench
 * runs its sending code in the worker over the test driver, nothing in the build is opened for it).
 * Peak memory: the highest resident set (VmHWM) of the browser's extension process, which holds the
 * offscreen document and the worker.
 */
async function timeInExtension(photo: string, card: string, dist?: string) {
  const server = await startFixtureServer();
  const driver = await launchChromiumDriver(dist ? { dist } : {});
  try {
    // Any page scan opens the offscreen document. (Functions run in the page are plain arrows: tsx
    // would wrap named inner functions in a helper the page does not have.)
    await driver.openTab(server.url('/demo/clean-shop.html'));
    const worker = await driver.worker();
    type Answer = { ok: boolean; value?: { pictures: { status: string; complete?: boolean }[] } };
    type Chrome = { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer>; getContexts(f: unknown): Promise<unknown[]> } } };
    await poll(
      async () => (await driver.worker()).evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)),
      (n) => n > 0,
      { timeoutMs: 60_000 },
    );
    // The document is listed before its script listens: wait until it answers.
    await poll(
      () => worker.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'pictureEngineStatus', payload: {} }).then((a) => a.ok, () => false)),
      (ok) => ok,
      { timeoutMs: 30_000 },
    );
    const before = extensionProcessKb();
    let n = 0;
    const ask = (src: string, data: string) =>
      worker.evaluate(
        ([s, bytes]) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'readPictures', payload: { pictures: [{ src: s, data: bytes, crop: null, ref: null, error: null }] } }),
        [src, data] as [string, string],
      );
    /**
     * One picture read as a page has it read: the first answer (the verdict's facts, or everything
     * when the top rows did not hold them), then, when it came back incomplete, the same picture asked
     * once more, as the content script does, answered when the whole picture is read.
     */
    const read = async (data: string) => {
      const started = Date.now();
      const src = `bench-${n++}.jpg`;
      const answer = await ask(src, data);
      // A refused or failed reading is no figure: say so rather than time it.
      if (!answer.ok || answer.value?.pictures[0]?.status !== 'read') throw new Error(`ocr bench: no reading (${JSON.stringify(answer).slice(0, 200)})`);
      const ms = Date.now() - started;
      if (answer.value.pictures[0].complete !== false) return { ms, completeMs: ms, early: false };
      const whole = await ask(src, data);
      if (!whole.ok || whole.value?.pictures[0]?.complete === false) throw new Error(`ocr bench: no whole reading (${JSON.stringify(whole).slice(0, 200)})`);
      return { ms, completeMs: Date.now() - started, early: true };
    };
    const first = await read(photo);
    const licence: Awaited<ReturnType<typeof read>>[] = [];
    const cards: Awaited<ReturnType<typeof read>>[] = [];
    for (let i = 0; i < WARM_READS; i++) {
      licence.push(await read(photo));
      cards.push(await read(card));
    }
    const after = extensionProcessKb();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ms = (runs: typeof licence) => runs.map((r) => r.ms);
    const completeMs = (runs: typeof licence) => runs.map((r) => r.completeMs);
    return {
      // Time to the verdict's facts (code, name, QR: what the verdict rests on), and to the whole record.
      licence_ms: median(ms(licence)),
      licence_complete_ms: median(completeMs(licence)),
      card_ms: median(ms(cards)),
      card_complete_ms: median(completeMs(cards)),
      licence_runs_ms: ms(licence),
      card_runs_ms: ms(cards),
      early_facts: { licence: licence.filter((r) => r.early).length, card: cards.filter((r) => r.early).length, of: WARM_READS },
      first_read_ms: first.completeMs,
      model_load_ms: first.completeMs - median(completeMs(licence)),
      load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      peak_memory_mb: after ? Math.round(after.peakKb / 1024) : null,
      memory_before_first_read_mb: before ? Math.round(before.rssKb / 1024) : null,
      memory_after_mb: after ? Math.round(after.rssKb / 1024) : null,
    };
  } finally {
    await driver.close();
    await server.close();
  }
}

/**
 * The resident set now and at its peak (VmRSS, VmHWM of /proc) of this bench's Chromium extension
 * process(es) (`--extension-process`): the browser's children under this node process. Null where
 * /proc is not there.
 */
function extensionProcessKb(): { rssKb: number; peakKb: number } | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const parent = new Map<string, string>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!);
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: string) => {
    for (let p: string | undefined = pid, hops = 0; p && p !== '0' && hops < 20; p = parent.get(p), hops++) if (p === String(process.pid)) return true;
    return false;
  };
  let rssKb = 0;
  let peakKb = 0;
  let found = false;
  for (const pid of parent.keys()) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process') || !ours(pid)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      found = true;
    } catch {
      // gone meanwhile
    }
  }
  return found ? { rssKb, peakKb } : null;
}

// `npx tsx tests/bench/ocr-bench.ts --in-extension [--dist DIR]`: only the in-extension timing of
// dist/chrome (`npm run build`) or of another Chrome build (to compare two builds in one session).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--in-extension')) {
  const dir = mkdtempSync(join(tmpdir(), 'lz-ocr-bench-'));
  const at = process.argv.indexOf('--dist');
  benchOcrInExtension(dir, at > 0 ? process.argv[at + 1] : undefined)
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
