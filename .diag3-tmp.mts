import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { startFixtureServer, hugePage } from './tests/e2e/harness/fixture-server';
const SPOOF = `<footer><p>深圳市潮品优选贸易有限公司 统一社会信用代码：91440300MA5G8N2T36</p><a href="http://gsxt-verify.shop-cert.example.com/x?serial=91440300MA5G8N2T36">电子营业执照 亮照</a></footer>`;
const server = await startFixtureServer({ '/e2e/huge.html': (u) => hugePage(Number(u.searchParams.get('n')), '').replace('<head>', '<head><script src="/e2e/responsiveness.js"></script>') });
const dist = process.cwd() + '/dist/chrome';
for (const withExt of [false, true, false, true]) {
  const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/lzd-'), { executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless=new', ...(withExt ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []), '--no-sandbox', '--disable-gpu'] });
  const page = await ctx.newPage();
  await page.goto(server.url('/e2e/huge.html?n=200000'), { timeout: 60000 });
  await page.waitForTimeout(4000);
  await page.evaluate((html) => { (window as any).__gapsReset(); document.body.insertAdjacentHTML('beforeend', html); }, SPOOF);
  await page.waitForTimeout(3000);
  console.log(withExt ? 'ext' : 'no-ext', await page.evaluate(() => (window as any).__gaps));
  const obs = await page.goto(server.url('/e2e/hostile-panel.html?mode=observer'));
  await page.waitForTimeout(2500);
  console.log(' observer', await page.evaluate(() => [(window as any).__gaps.max, (window as any).__spy.removed]));
  await ctx.close();
}
await server.close();
