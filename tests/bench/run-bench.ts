import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { benchCli } from './cli-bench';
import { benchFairness } from './fairness-bench';
import { engineScan, measureForms } from './forms-accuracy';
import { benchHostile } from './hostile-bench';
import { benchReceiver } from './receiver-bench';
import { benchOcr } from './ocr-bench';
import { benchScan } from './scan-bench';

/**
 * `npm run bench -- [--json FILE] [--only scan,shapes,…]`: prints the figures and writes them as JSON.
 * Sections: scan (engine in Chromium), forms, issue 15's shapes (engine at 1×/10×/100×), receiver
 * (worst validation time), cli (huge and deep pages), fairness (cross-tab delay), and the extension
 * (content, hostile page responsiveness), list and blocking (block) figures when their benches exist.
 */
async function main() {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const file = jsonAt >= 0 ? args[jsonAt + 1] : 'bench-results/bench.json';
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const results: Record<string, unknown> = { date: new Date().toISOString() };
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
  const sections: [string, () => Promise<unknown>][] = [
    ['scan', () => benchScan(chromiumPath)],
    ['forms', formsAccuracy],
    ['shapes', () => benchHostile(chromiumPath)],
    ['receiver', () => benchReceiver()],
    ['cli', () => benchCli(args.includes('--cli') ? args[args.indexOf('--cli') + 1] : undefined)],
    ['ocr', () => benchOcr(chromiumPath)],
    ['fairness', () => benchFairness(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined)],
  ];
  for (const [name, extra] of await optionalSections(chromiumPath)) sections.push([name, extra]);
  for (const [name, run] of sections.filter(([name]) => !only || only.includes(name))) {
    console.log(`\n== ${name} ==`);
    const t = Date.now();
    try {
      results[name] = await run();
    } catch (error) {
      results[name] = { error: String(error instanceof Error ? error.message : error) };
    }
    console.log(JSON.stringify(results[name], null, 2), `\n(${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  mkdirSync(dirname(file!), { recursive: true });
  writeFileSync(file!, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten to ${file}`);
}

/** forms.*: recall and precision on the labelled fragments of real pages (node, the CLI's engine). */
async function formsAccuracy() {
  const { missed, extra, ...figures } = measureForms(await engineScan());
  return { ...figures, missed: missed.length, extra: extra.length };
}

/** Benchmarks owned by other parts of the project, loaded when present. */
async function optionalSections(chromiumPath: string): Promise<[string, () => Promise<unknown>][]> {
  const out: [string, () => Promise<unknown>][] = [];
  const tryImport = async (path: string) => {
    try {
      return (await import(path)) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const content = await tryImport('../../scripts/bench-content.mjs');
  if (content && typeof content.benchContent === 'function') out.push(['content', () => (content.benchContent as (p: string) => Promise<unknown>)(chromiumPath)]);
  const gaps = await tryImport('../../scripts/bench-responsiveness.mjs');
  if (gaps && typeof gaps.benchResponsiveness === 'function') out.push(['hostile', () => (gaps.benchResponsiveness as () => Promise<unknown>)()]);
  const sync = await tryImport('../../scripts/bench-sync.mjs');
  for (const fn of ['benchSyncBrowser', 'benchSyncNode']) {
    if (sync && typeof sync[fn] === 'function') {
      out.push(['sync', () => (sync[fn] as (p: string) => Promise<unknown>)(chromiumPath)]);
      break;
    }
  }
  // Issue 16: the block decision with a 1,000,000-domain list, the rules' rebuild, search-page marks.
  const block = await tryImport('../../scripts/bench-block.mjs');
  if (block && typeof block.benchBlock === 'function') out.push(['block', () => (block.benchBlock as (p: string) => Promise<unknown>)(chromiumPath)]);
  return out;
}

await main();
