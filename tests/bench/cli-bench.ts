import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostilePage } from './hostile-pages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A shop listing of about `mb` megabytes: products, then a licence footer at the very end. */
function bigListing(mb: number): string {
  const card = (i: number) => `<li class="item"><a href="/item/${i}.html">新款春季男士纯棉加厚保暖透气 ${i}</a><span>¥ ${(i % 500) + 9}.90</span><p>月销 ${i % 9999} 订单号 ${100000000000 + i}</p></li>`;
  const cards: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const c = card(i);
    cards.push(c);
    size += Buffer.byteLength(c);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>搜索结果</title></head><body><ul>${cards.join('')}</ul><footer>统一社会信用代码：91440101681325547Y 粤ICP备12345678号</footer></body></html>`;
}

/** Runs `liangzhao scan FILE --json` (build/cli.mjs of `cli`) and says how long it took, its peak memory and its answer. */
function scanFile(cli: string, file: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const script = `const { main } = await import(${JSON.stringify(cli)}); const out = []; const code = await main(['scan', ${JSON.stringify(file)}, '--json'], { out: (t) => out.push(t), err: (t) => out.push(t) }); let partial = null; try { partial = JSON.parse(out.join('')).verdict.findings.find((f) => f.code === 'page-partly-read')?.message ?? null; } catch {} console.log(JSON.stringify({ code, partial, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })); process.exit(0);`;
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      const ms = Date.now() - t;
      try {
        resolve({ ms, ...(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>) });
      } catch {
        resolve({ ms, error: ms >= timeoutMs ? `killed after ${timeoutMs} ms` : 'no answer' });
      }
    });
  });
}

/**
 * cli.*: `liangzhao scan` on the pages of issue 15, item 12 — a 60 MB listing and 200,000 levels of
 * nesting — plus a 16 MB listing (the most it reads): wall time, peak memory (max RSS) and whether it
 * said it read only part. `cli` is the built command (build/cli.mjs: npm ci builds it).
 */
export async function benchCli(cli = join(ROOT, 'build/cli.mjs'), timeoutMs = 180_000) {
  const dir = mkdtempSync(join(tmpdir(), 'lz-bench-cli-'));
  const out: Record<string, unknown> = {};
  try {
    const pages: Record<string, () => string> = {
      listing_16mb: () => bigListing(16),
      listing_60mb: () => bigListing(60),
      nesting_200k: () => hostilePage('nesting', 200_000),
    };
    for (const [name, make] of Object.entries(pages)) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, make());
      out[name] = await scanFile(cli, file, timeoutMs);
      console.log(name, JSON.stringify(out[name]));
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
