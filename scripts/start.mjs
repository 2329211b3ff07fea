// `npm start`: installs what is missing, builds the extension, serves the demo store pages on
// 127.0.0.1 and opens Chromium with the extension loaded.
//   - with a display: a visible window on the demo index; serves until Ctrl-C.
//   - headless (no DISPLAY, CI=true or --headless): opens every demo page, saves screenshots of the
//     page with its panel and of the popup for that tab to artifacts/screenshots/, prints where, exits 0.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { buildDemoFeed, subscribeDemoFeed } from './demo-feed.mjs';
import { chromiumArgs, ensureBrowsers, ensureDependencies, root } from './ensure.mjs';

const DEMO_DIR = join(root, 'tests/fixtures/demo');
// The sample feed is built at start (scripts/demo-feed.mjs) and served from its temp directory.
let FEED_DIR = join(root, 'tests/fixtures/feed');
const SHOTS = join(root, 'artifacts/screenshots');
const DEMO_PAGES = ['spoofed-badge.html', 'borrowed-license.html', 'invalid-code.html', 'clean-shop.html', 'big-listing.html', 'index.html'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript', '.png': 'image/png', '.css': 'text/css' };

const headless = process.argv.includes('--headless') || !!process.env.CI || !process.env.DISPLAY;
// Headless Chromium always reports an en-US UI language, so the demo picks the UI language the way a
// user would on the options page: zh-CN unless --lang=zh-TW|en|auto says otherwise.
const uiLang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'zh-CN';

/** Serves /demo/ (and /feed/ when tests/fixtures/feed exists) on 127.0.0.1. */
function serve(port) {
  const roots = { '/demo/': DEMO_DIR };
  if (existsSync(FEED_DIR)) roots['/feed/'] = FEED_DIR;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/demo/index.html' }).end();
      return;
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const rel = prefix && normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
    const file = prefix && join(roots[prefix], rel || 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    // Feeds are read cross-origin by the extension, which has no host permissions (docs/feed-format.md).
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function launch(chromiumPath, dist) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'lz-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    args: chromiumArgs(dist, { headless }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host, profile };
}

/** Waits for our service worker to hold a verdict for the URL; returns the tab id and level. */
async function verdictFor(worker, url, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const found = await worker.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v.url === u) return { tabId: Number(k.slice(4)), level: v.result?.verdict.level ?? 'none' };
      return null;
    }, url);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/**
 * Runs `use(cdp, node)` on the element of our panel with this data-action, through the DevTools
 * protocol (the panel's shadow root is closed, so the page, and playwright's selectors, cannot reach
 * it); false when none shows.
 */
async function withPanelElement(page, action, use) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 2 });
    const host = root.children?.find((c) => c.nodeName === 'HTML')?.children?.find((c) => c.nodeName.startsWith('LZ-'));
    if (!host) return false;
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: host.backendNodeId, depth: -1, pierce: true });
    const find = (n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i + 1 < a.length; i += 2) if (a[i] === 'data-action' && a[i + 1] === action) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const target = find(node);
    if (!target) return false;
    await use(cdp, target);
    return true;
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button of our panel by its data-action; false when none shows. */
function clickInPanel(page, action) {
  return withPanelElement(page, action, async (cdp, target) => {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  });
}

/** Scrolls an element of our panel (by its data-action) into view inside the panel: its section's top at the top of the panel's scrolling part. */
function scrollInPanel(page, action) {
  return withPanelElement(page, action, async (cdp, target) => {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: target.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { (this.closest("section") ?? this).scrollIntoView({ block: "start" }); }' });
  });
}

/** The stored verdict's picture state for `url`: being read, and how many pictures it holds. */
async function pictureState(worker, url) {
  return worker.evaluate(async (u) => {
    const all = await chrome.storage.session.get(null);
    for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v.url === u) return { tabId: Number(k.slice(4)), reading: Boolean(v.reading), pictures: v.result?.pictures?.length ?? 0 };
    return null;
  }, url);
}

async function waitForPictures(worker, url, ok, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const state = await pictureState(worker, url);
    if (state && ok(state)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * A shop whose licence is only a picture (demo/licence-picture.html, an edited licence): while the
 * picture is read (the first model load, with its progress), the popup and the panel opened by the
 * shopper (the keyboard command's message) say so; then the panel and popup show what was read.
 */
async function pictureShots(context, worker, extensionId, origin) {
  const saved = [];
  const url = `${origin}/demo/licence-picture.html`;
  const page = await context.newPage();
  await page.goto(url);
  const reading = await waitForPictures(worker, url, (s) => s.reading || s.pictures > 0, 60_000);
  if (reading?.reading) {
    // The reading lasts the first model load and one reading (a few seconds): the popup is opened at
    // once, then the panel, each shot as soon as it shows the reading state.
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { lzCommand: 'openPanel' }), reading.tabId).catch(() => undefined);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(`chrome-extension://${extensionId}/extension/popup/popup.html?tabId=${reading.tabId}`);
    if (await popup.waitForSelector('.lz-reading', { timeout: 3_000 }).catch(() => null)) {
      await popup.waitForSelector('.lz-reading-model', { timeout: 700 }).catch(() => null);
      await popup.screenshot({ path: join(SHOTS, 'licence-picture-reading-popup.png'), fullPage: true });
      saved.push(relative(root, join(SHOTS, 'licence-picture-reading-popup.png')));
    }
    await popup.close();
    await page.bringToFront();
    await page.waitForTimeout(300);
    if ((await pictureState(worker, url))?.reading) {
      await page.screenshot({ path: join(SHOTS, 'licence-picture-reading-page.png') });
      saved.push(relative(root, join(SHOTS, 'licence-picture-reading-page.png')));
    }
  }
  const read = await waitForPictures(worker, url, (s) => !s.reading && s.pictures > 0, 180_000);
  if (read) {
    await page.waitForTimeout(800);
    await scrollInPanel(page, 'locate-picture');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'licence-picture-read-page.png') });
    saved.push(relative(root, join(SHOTS, 'licence-picture-read-page.png')));
    await popupShotOf(context, extensionId, read.tabId, 'licence-picture-read-popup.png', saved);
  }
  await page.close();
  return saved;
}

/** The popup of a tab, as a 400-px popup. */
async function popupShotOf(context, extensionId, tabId, file, saved) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/extension/popup/popup.html?tabId=${tabId}`);
  await popup.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', null, { timeout: 15_000 });
  await popup.waitForTimeout(600);
  await popup.screenshot({ path: join(SHOTS, file), fullPage: true });
  saved.push(relative(root, join(SHOTS, file)));
  await popup.close();
}

/** The popup of the tab showing `url`, as a 400-px popup; its file name in `saved`. */
async function popupShot(context, worker, extensionId, url, file, saved) {
  const verdict = await verdictFor(worker, url);
  if (!verdict) return;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/extension/popup/popup.html?tabId=${verdict.tabId}`);
  await popup.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', null, { timeout: 15_000 });
  await popup.screenshot({ path: join(SHOTS, file), fullPage: true });
  saved.push(relative(root, join(SHOTS, file)));
  await popup.close();
}

/**
 * A first install before any list: the popup of a clean shop (no list checked: 已读取证照号码，未核对名单)
 * and the options page's protection status with nothing loaded.
 */
async function firstRunShots(context, worker, extensionId, origin) {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const saved = [];
  const page = await context.newPage();
  const url = `${origin}/demo/clean-shop.html`;
  await page.goto(url);
  await popupShot(context, worker, extensionId, url, 'no-list-clean-shop-popup.png', saved);
  await page.close();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/extension/options/options.html`);
  await options.waitForSelector('.lz-options');
  await options.screenshot({ path: join(SHOTS, 'no-list-options.png'), fullPage: true });
  saved.push(relative(root, join(SHOTS, 'no-list-options.png')));
  await options.close();
  return saved;
}

/** The states a shopper meets beyond the first look: the bottom sheet, the whole warning, "已隐藏 · 撤销", dark. */
async function stateShots(context, worker, extensionId, origin) {
  const saved = [];
  const shot = async (page, file) => {
    await page.screenshot({ path: join(SHOTS, file) });
    saved.push(relative(root, join(SHOTS, file)));
  };
  // A phone-width window: the bottom sheet.
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 400, height: 800 });
  await narrow.goto(`${origin}/demo/spoofed-badge.html`);
  await verdictFor(worker, `${origin}/demo/spoofed-badge.html`);
  await narrow.waitForTimeout(600);
  await shot(narrow, 'sheet-400px-spoofed-badge-page.png');
  await narrow.close();
  // The warning's compact card, then "查看全部".
  const warning = await context.newPage();
  await warning.goto(`${origin}/demo/invalid-code.html`);
  await verdictFor(worker, `${origin}/demo/invalid-code.html`);
  await warning.waitForTimeout(600);
  if (await clickInPanel(warning, 'view-all')) {
    await warning.waitForTimeout(300);
    await shot(warning, 'invalid-code-view-all-page.png');
  }
  await warning.close();
  // Danger in the dark scheme.
  const dark = await context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark' });
  await dark.goto(`${origin}/demo/borrowed-license.html`);
  await verdictFor(worker, `${origin}/demo/borrowed-license.html`);
  await dark.waitForTimeout(600);
  await shot(dark, 'dark-borrowed-license-page.png');
  await dark.close();
  // Hiding on a danger site: asked first, then "已隐藏 · 撤销"; undone afterwards, so the demo site stays shown.
  const hide = await context.newPage();
  await hide.goto(`${origin}/demo/spoofed-badge.html`);
  await verdictFor(worker, `${origin}/demo/spoofed-badge.html`);
  await hide.waitForTimeout(600);
  if (await clickInPanel(hide, 'dismiss')) {
    await hide.waitForTimeout(300);
    await shot(hide, 'hide-confirm-spoofed-badge-page.png');
    if (await clickInPanel(hide, 'dismiss-confirm')) {
      await hide.waitForTimeout(300);
      await shot(hide, 'hidden-toast-spoofed-badge-page.png');
      await clickInPanel(hide, 'undo-hide');
      await hide.waitForTimeout(300);
    }
  }
  await hide.close();
  return saved;
}

async function screenshots(context, worker, extensionId, origin) {
  mkdirSync(SHOTS, { recursive: true });
  const saved = [];
  for (const name of DEMO_PAGES) {
    if (!existsSync(join(DEMO_DIR, name))) continue;
    const page = await context.newPage();
    const url = `${origin}/demo/${name}`;
    await page.goto(url);
    const verdict = await verdictFor(worker, url);
    await page.waitForTimeout(600); // let the panel finish rendering
    const base = name.replace(/\.html$/, '');
    const pageShot = join(SHOTS, `${base}-page.png`);
    await page.screenshot({ path: pageShot });
    saved.push(`${relative(root, pageShot)}  (${verdict?.level ?? 'no verdict'})`);
    if (verdict) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 760 });
      await popup.goto(`chrome-extension://${extensionId}/extension/popup/popup.html?tabId=${verdict.tabId}`);
      await popup.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending', null, { timeout: 15_000 });
      const popupShot = join(SHOTS, `${base}-popup.png`);
      await popup.screenshot({ path: popupShot, fullPage: true });
      saved.push(relative(root, popupShot));
      await popup.close();
    }
    await page.close();
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/extension/options/options.html`);
  await options.waitForSelector('.lz-options');
  const optionsShot = join(SHOTS, 'options.png');
  await options.screenshot({ path: optionsShot, fullPage: true });
  saved.push(relative(root, optionsShot));
  await options.close();
  saved.push(...(await stateShots(context, worker, extensionId, origin)));
  saved.push(...(await pictureShots(context, worker, extensionId, origin)));
  return saved;
}

async function main() {
  ensureDependencies();
  const { chromium: chromiumPath } = ensureBrowsers(['chromium']);
  const { buildTarget } = await import('./build-extension.mjs');
  console.log('[start] building the extension…');
  const dist = await buildTarget('chrome');
  await buildTarget('firefox');
  const feed = await buildDemoFeed();
  if (feed) FEED_DIR = feed.dir;
  const port = Number(process.env.PORT ?? (headless ? 0 : 8765));
  const server = await serve(port).catch(() => serve(0));
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`[start] demo store pages on ${origin}/demo/index.html`);
  if (existsSync(FEED_DIR)) console.log(`[start] sample feed on ${origin}/feed/`);
  const { context, worker, extensionId, profile } = await launch(chromiumPath, dist);
  await worker.evaluate((language) => chrome.storage.local.set({ settings: { version: 1, language, panelOpens: 'warnings', allowlist: [] } }), uiLang);
  // Headless: what a fresh install shows before any list, then the demo with the sample list.
  const firstRun = headless ? await firstRunShots(context, worker, extensionId, origin) : [];
  if (feed) {
    const status = await subscribeDemoFeed(context, extensionId, `${origin}/feed/manifest.json`, feed.publicKey);
    console.log(`[start] subscribed to the sample feed: ${status?.status} (version ${status?.version}, ${status?.counts?.blacklist} keys)${status?.error ? ` ${status.error.message}` : ''}`);
  }
  const stop = async () => {
    await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
    feed?.remove();
  };
  if (headless) {
    const saved = [...firstRun, ...(await screenshots(context, worker, extensionId, origin))];
    await stop();
    console.log(`[start] headless run: ${saved.length} screenshots in ${relative(root, SHOTS)}/:\n  ${saved.join('\n  ')}`);
    return;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/demo/index.html`);
  console.log('[start] Chromium is open with 亮照卫士 loaded. Press Ctrl-C to stop.');
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  context.on('close', () => void stop().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
