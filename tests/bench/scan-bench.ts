import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hugePage, typicalPage } from './pages';
import { summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);

/**
 * scan.* figures: our detector and the naive textContent + regex way, on the same generated pages,
 * in real Chromium (the content script's engine), alternating samples so both see the same
 * machine. Each sample is the mean of enough back-to-back scans to last about 20 ms.
 *
 * cold_*: the first scan in a fresh isolated world of a freshly loaded page, which is what a
 * content script's scan is on every page load: no DOM wrappers made yet, no optimized code yet.
 */
export async function benchScan(chromiumPath: string) {
  const bundle = await build({ entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
  const script = bundle.outputFiles[0]!.text;
  const pages: Record<string, string> = { typical: typicalPage(), huge: hugePage() };
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://x').pathname.slice(1)];
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const out: Record<string, unknown> = {};
  try {
    for (const name of ['typical', 'huge'] as const) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/${name}`);
      await page.addScriptTag({ content: script });
      const info = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length + document.evaluate('count(//text())', document, null, 1, null).numberValue, chars: document.body.textContent!.length }));
      const res = await page.evaluate((runs) => {
        const ours: number[] = [];
        const naive: number[] = [];
        // Warm up, then size each sample to about 20 ms of the slower way, so that the clock's
        // 0.1 ms grain is under 1 % of what it measures.
        for (let i = 0; i < 3; i++) {
          window.lzBench.ours();
          window.lzBench.naive();
        }
        const probe = Math.max(window.lzBench.ours(5).ms, window.lzBench.naive(5).ms, 0.01);
        const times = Math.max(1, Math.min(200, Math.round(20 / probe)));
        let found = { ours: [] as string[], naive: [] as string[] };
        for (let i = 0; i < runs; i++) {
          const a = window.lzBench.ours(times);
          const b = window.lzBench.naive(times);
          ours.push(a.ms);
          naive.push(b.ms);
          found = { ours: a.found, naive: b.found };
        }
        return { ours, naive, found, times };
      }, RUNS);
      const missed = res.found.ours.filter((v) => !res.found.naive.includes(v));
      const junk = res.found.naive.filter((v) => !res.found.ours.includes(v));
      out[`${name}_ms`] = summarize(res.ours);
      out[`naive_${name}_ms`] = summarize(res.naive);
      out[`${name}_page`] = { scans_per_sample: res.times, nodes: info.nodes, text_chars: info.chars, found: res.found.ours.length, naive_found: res.found.naive.length, naive_missed: missed.length, naive_false: junk.length };
      await page.close();
      const cold = await coldScans(browser, `http://127.0.0.1:${port}/${name}`, script);
      out[`cold_${name}_ms`] = summarize(cold.ours);
      out[`cold_naive_${name}_ms`] = summarize(cold.naive);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** One scan each way, each in its own new isolated world (CDP Page.createIsolatedWorld), per fresh page load. */
async function coldScans(browser: Browser, url: string, script: string): Promise<{ ours: number[]; naive: number[] }> {
  const ours: number[] = [];
  const naive: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(`${url}?cold=${run}`);
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    for (const [way, into] of [['ours', ours], ['naive', naive]] as const) {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `lz-${way}-${run}` });
      await cdp.send('Runtime.evaluate', { expression: script, contextId: executionContextId });
      const r = await cdp.send('Runtime.evaluate', { expression: `window.lzBench.${way}().ms`, contextId: executionContextId, returnByValue: true });
      into.push(Number(r.result.value));
    }
    await cdp.detach();
    await page.close();
  }
  return { ours, naive };
}
