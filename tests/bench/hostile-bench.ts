import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { SCAN_BUDGET_MS } from '../../extension/offscreen/scan-snapshot';
import { BASE_REPEATS, HOSTILE_SHAPES, hostilePage } from './hostile-pages';
import type { HostileRun } from './hostile-entry';

const SIZES = [1, 10, 100] as const;
const RUNS: Record<(typeof SIZES)[number], number> = { 1: 5, 10: 3, 100: 1 };

/**
 * hostile.*: the engine on the hostile shapes of issue 15 (tests/bench/hostile-pages.ts) at 1×, 10×
 * and 100× their base repeats, in real Chromium the way the extension's offscreen document runs it:
 * DOMParser, scanSnapshot, judge. `*_ms` is the median of a few scans with no budget (the engine's
 * own cost: it should grow about tenfold per step), `parse_ms` the part spent parsing; `budgeted`
 * is one scan with the extension's budget (SCAN_BUDGET_MS): its time, and whether it had to stop
 * ("partial") or read the page to its end.
 */
export async function benchHostile(chromiumPath: string) {
  const bundle = await build({ entryPoints: [new URL('./hostile-entry.ts', import.meta.url).pathname], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const out: Record<string, unknown> = { budget_ms: SCAN_BUDGET_MS };
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>hostile</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    for (const shape of HOSTILE_SHAPES) {
      const row: Record<string, unknown> = {};
      for (const size of SIZES) {
        const repeats = BASE_REPEATS[shape] * size;
        const html = hostilePage(shape, repeats);
        const runs: HostileRun[] = [];
        for (let i = 0; i < RUNS[size]; i++) runs.push(await page.evaluate(([h]) => window.lzHostile.scan(h, null), [html] as const));
        const budgeted = await page.evaluate(([h, b]) => window.lzHostile.scan(h, b), [html, SCAN_BUDGET_MS] as const);
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        row[`${size}x`] = {
          repeats,
          chars: html.length,
          ms: round(median(runs.map((r) => r.ms))),
          parse_ms: round(median(runs.map((r) => r.parseMs))),
          read_to_end: runs[0]!.readToEnd,
          budgeted: { ms: round(budgeted.ms), partial: budgeted.partial, read_to_end: budgeted.readToEnd, level: budgeted.level },
        };
      }
      out[shape] = row;
      console.log(shape, JSON.stringify(row));
    }
  } finally {
    await browser.close();
  }
  return out;
}

const round = (x: number) => Math.round(x * 10) / 10;
