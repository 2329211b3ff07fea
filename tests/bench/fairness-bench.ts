import { DIST, launchDriver, poll, waitForToolbar, type ChromiumDriver, type ExtensionDriver, type ShopTab } from '../e2e/driver/all';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { BASE_REPEATS, hostilePage, type HostileShape } from './hostile-pages';

/**
 * fairness.*: how long a hostile page in one tab delays another tab's danger verdict (issue 15: the
 * 60,000-repeat licence page held another tab's verdict back by 6 s), with the BUILT extension in
 * Chromium (dist/chrome; `npm run build` first), through the e2e driver. victim_alone_ms: from opening
 * the danger page (the spoofed-badge demo) to our danger panel on it, with nothing else going on;
 * victim_with_hostile_ms: the same, opened 0.5, 2, 5 and 10 s after a hostile page (100× its shape)
 * loaded in another tab; worst_delay_ms: the worst of those less the victim alone.
 * hostile_verdict_ms: when the hostile page's own verdict reached its toolbar popup.
 */
/** When victims are opened after the hostile page's load, in ms. */
const VICTIM_AFTER_MS = [500, 2000, 5000, 10_000];

export async function benchFairness(dist = DIST.chromium, shapes: HostileShape[] = (process.env.BENCH_FAIRNESS_SHAPES?.split(',') as HostileShape[] | undefined) ?? ['sentence', 'hints', 'table']) {
  const pages: Record<string, () => string> = {};
  for (const shape of shapes) pages[`/e2e/hostile-${shape}.html`] = () => hostilePage(shape, BASE_REPEATS[shape] * 100);
  const server = await startFixtureServer(pages);
  const out: Record<string, unknown> = {};
  try {
    const victim = async (driver: ExtensionDriver, n: number): Promise<{ ms: number; level: string | null; tab: ShopTab }> => {
      const t = Date.now();
      const tab = await driver.openTab(server.url(`/demo/spoofed-badge.html?victim=${n}`), { timeoutMs: 120_000 });
      const panel = await poll(() => tab.panel(), (p) => p?.level === 'danger', { timeoutMs: 120_000, everyMs: 50 });
      return { ms: Date.now() - t, level: panel?.level ?? null, tab };
    };
    for (const shape of shapes) {
      const ext = await launchDriver('chromium', { dist });
      // tsx compiles the driver with esbuild's keepNames: the functions it hands the browser to run
      // call __name, which only the bundle defines. Defined in every page here (vitest needs none).
      await (ext as ChromiumDriver).context.addInitScript('globalThis.__name ??= (f) => f;');
      try {
        // Warm the engine (the offscreen document) once, then the victim alone.
        await (await victim(ext, 0)).tab.close();
        const alone = await victim(ext, 1);
        await alone.tab.close();
        const hostileUrl = server.url(`/e2e/hostile-${shape}.html`);
        const t = Date.now();
        const hostile = await ext.openTab(hostileUrl, { timeoutMs: 120_000 });
        // Victims opened while the hostile page is being read, at several moments after its load
        // (when its snapshot reaches the engine depends on the page): the worst delay counts.
        const victims: number[] = [];
        let level: string | null = 'danger';
        for (const [n, after] of VICTIM_AFTER_MS.entries()) {
          const wait = t + after - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const v = await victim(ext, n + 2);
          victims.push(v.ms);
          if (v.level !== 'danger') level = v.level;
          await v.tab.close();
        }
        const h = await waitForToolbar(ext, hostile, (x) => x.seen, 120_000);
        out[shape] = {
          victim_alone_ms: alone.ms,
          victim_with_hostile_ms: victims,
          worst_delay_ms: Math.max(...victims) - alone.ms,
          victim_level: level,
          hostile_verdict_ms: h.seen ? Date.now() - t : '> 120000',
          hostile_level: h.seen ? h.level : null,
        };
        console.log(shape, JSON.stringify(out[shape]));
      } finally {
        await ext.close();
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
