import Database from 'better-sqlite3';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/tools/receiver/sqlite-store';
import { startReceiver, type RunningReceiver } from '../../src/tools/receiver/server';
import type { ReportStore } from '../../src/tools/receiver/report-store';
import { launchChromium, waitForVerdict, type LoadedChromium } from './harness/chromium-extension';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { freePort, startLossyProxy } from './harness/lossy-proxy';
import { clickPanelNode, readPanel, waitForPanel, type PanelState } from './harness/panel-probe';

/** Extension APIs used inside the service worker (types only). */
declare const chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

type PanelNode = NonNullable<ReturnType<PanelState['find']>>;
function descendant(node: PanelNode, ok: (attrs: Record<string, string>) => boolean): PanelNode | undefined {
  for (const child of node.children ?? []) {
    const a: Record<string, string> = {};
    for (let i = 0; i + 1 < (child.attributes ?? []).length; i += 2) a[child.attributes![i]!] = child.attributes![i + 1]!;
    if (child.nodeType === 1 && ok(a)) return child;
    const deeper = descendant(child, ok);
    if (deeper) return deeper;
  }
  return undefined;
}

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe('Chromium: reports survive restarts and arrive once; false alarms can be hidden', () => {
  let server: FixtureServer;
  let ext: LoadedChromium;
  let profile: string;
  let work: string;
  let receiverPort: number;
  let proxyPort: number;
  let receiver: RunningReceiver | null = null;
  let store: ReportStore | null = null;
  let proxy: Awaited<ReturnType<typeof startLossyProxy>> | null = null;

  beforeAll(async () => {
    server = await startFixtureServer();
    work = await mkdtemp(join(tmpdir(), 'lz-reports-'));
    profile = join(work, 'profile');
    [receiverPort, proxyPort] = [await freePort(), await freePort()];
    ext = await launchChromium({ profile });
    // The UI language is chosen in the options (headless Chromium may not follow --lang).
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/extension/options/options.html`);
    await options.selectOption('#lz-language', 'zh-CN');
    await options.waitForSelector('html[lang="zh-Hans-CN"]');
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await receiver?.close();
    await store?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  const page = (path: string) => `chrome-extension://${ext.extensionId}/extension/${path}`;

  it('"This warning is wrong" in the panel hides that warning on that site for this user', async () => {
    const shop = await ext.context.newPage();
    const url = server.url('/demo/invalid-code.html');
    await shop.goto(url);
    const panel = await waitForPanel(shop, (p) => !!p?.expanded && p.findingCodes.includes('psb-province-mismatch'));
    const card = panel!.find((a) => a['data-code'] === 'psb-province-mismatch')!;
    const button = descendant(card, (a) => a['data-action'] === 'dispute');
    expect(button).toBeDefined();
    const opening = ext.context.waitForEvent('page');
    await clickPanelNode(shop, button!.backendNodeId);
    const form = await opening;
    await form.waitForSelector('#root[data-state="ready"]');
    expect(form.url()).toContain('dispute=psb-province-mismatch');
    expect(await form.locator('[aria-labelledby="lz-dispute-h"] .lz-card[data-code="psb-province-mismatch"]').count()).toBe(1);
    // Only hide it for me (sending a report is a separate, optional choice).
    await form.locator('input[name="sendReport"]').uncheck();
    await form.locator('button[type="submit"]').click();
    await form.waitForSelector('[data-hidden="true"]');
    await form.close();

    await shop.reload();
    const after = await waitForPanel(shop, (p) => !!p?.expanded && p.findingCodes.length > 0 && p.text.includes('已隐藏 1 条'));
    expect(after?.findingCodes).toEqual(['id-invalid']);
    const verdict = await waitForVerdict(ext, url, (v) => !v.codes.includes('psb-province-mismatch') && v.codes.includes('id-invalid'));
    expect(verdict?.codes).toEqual(['id-invalid']);
    // Another page of the demo set still shows its own warnings (the rule is per site and code).
    expect((await readPanel(shop))?.level).toBe('warning');

    // Undo from the options page brings it back.
    const options = await ext.context.newPage();
    await options.goto(page('options/options.html'));
    const hidden = options.locator('[data-list="hidden-warnings"] li');
    await expect.poll(() => hidden.count()).toBe(1);
    await hidden.locator('button').click();
    await expect.poll(() => hidden.count()).toBe(0);
    await options.close();
    await shop.reload();
    const back = await waitForPanel(shop, (p) => !!p?.expanded && p.findingCodes.includes('psb-province-mismatch'));
    expect(back?.text).not.toContain('已隐藏');
    await shop.close();
  });

  it('a report written while the receiver is down survives a browser restart and arrives exactly once', async () => {
    // The endpoint is set in the options page; nothing listens there yet.
    const endpoint = `http://127.0.0.1:${proxyPort}/reports`;
    const options = await ext.context.newPage();
    await options.goto(page('options/options.html'));
    await options.fill('[data-section="report-endpoints"] input[name="endpoint"]', endpoint);
    await options.press('[data-section="report-endpoints"] input[name="endpoint"]', 'Enter');
    await options.waitForSelector(`[data-list="endpoints"] li:has-text("${endpoint}")`);
    await options.close();

    const shop = await ext.context.newPage();
    const url = server.url('/demo/spoofed-badge.html');
    await shop.goto(url);
    const verdict = await waitForVerdict(ext, url, (v) => v.level === 'danger');
    expect(verdict?.level).toBe('danger');

    const form = await ext.context.newPage();
    await form.goto(page(`report/report.html?tabId=${verdict!.tabId}&title=${encodeURIComponent('某某旗舰店')}`));
    await form.waitForSelector('#root[data-state="ready"]');
    await form.locator('label.lz-choice:has(input[value="forged-badge"])').click();
    const words = '页面上的“电子营业执照”标识点开是假网站。';
    await form.fill('#lz-text', words);
    await form.waitForSelector('.lz-saved:has-text("草稿已保存")');
    // The draft survives the tab being reloaded (or restored after a crash): the URL names it.
    await form.reload();
    await form.waitForSelector('#root[data-state="ready"]');
    expect(form.url()).toContain('draft=');
    expect(await form.inputValue('#lz-text')).toBe(words);
    expect(await form.locator('input[value="forged-badge"]').isChecked()).toBe(true);
    await form.setViewportSize({ width: 1000, height: 900 });
    await shot(form, 'report-page.png');

    await form.locator('button[type="submit"]').click();
    await form.waitForSelector('main[data-step="preview"]');
    await form.locator('.lz-json summary').click();
    const json = await form.locator('.lz-json pre').innerText();
    const key = /Idempotency-Key: ([0-9a-f-]{36})/.exec(json)![1]!;
    expect(json).toContain('"category": "forged-badge"');
    expect(json).toContain(words);
    expect(json).toContain('"screenshot": null');
    await shot(form, 'report-preview.png');
    await form.locator('main[data-step="preview"] button.lz-primary').click();
    await form.waitForSelector('main[data-step="done"]');
    expect(await form.locator('.lz-complaint').inputValue()).toContain('伪造亮照或备案标识');
    await shot(form, 'report-done.png');

    const mine = await ext.context.newPage();
    await mine.goto(page('report/my-reports.html'));
    const row = mine.locator(`.lz-report-row[data-key="${key}"]`);
    // The first attempt found nothing listening: queued, with the reason and the next try.
    await mine.waitForSelector(`.lz-report-row[data-key="${key}"][data-status="queued"] .lz-row-detail[data-kind="error"]`);
    expect(await row.locator('.lz-row-detail').innerText()).toContain('第 1 次发送未成功');

    // Restart the browser with the same profile.
    await ext.close();
    ext = await launchChromium({ profile });
    const again = await ext.context.newPage();
    await again.goto(page('report/my-reports.html'));
    const kept = again.locator(`.lz-report-row[data-key="${key}"]`);
    await kept.waitFor();
    expect(await kept.getAttribute('data-status')).toMatch(/queued|sending/);
    expect(await kept.locator('.lz-row-text').innerText()).toBe(words);

    // Now the receiver comes up, behind a proxy that loses the answer to the first delivery.
    store = await openSqliteStore(join(work, 'reports.sqlite'));
    receiver = await startReceiver({ store, port: receiverPort });
    proxy = await startLossyProxy(proxyPort, receiverPort);
    await again.waitForSelector(`.lz-report-row[data-key="${key}"][data-status="queued"]`);
    await kept.locator('button[data-action="retry"]').click();
    await expect.poll(() => proxy!.log.posts.length, { timeout: 20_000 }).toBe(1);
    await again.waitForSelector(`.lz-report-row[data-key="${key}"][data-status="queued"] .lz-row-detail[data-kind="error"]`);
    // The outbox has armed its alarm for the backoff retry.
    const w = await ext.worker();
    expect(await w.evaluate(() => chrome.alarms.get('report-outbox-flush').then((a) => a?.scheduledTime ?? null))).not.toBeNull();
    await kept.locator('button[data-action="retry"]').click();
    await again.waitForSelector(`.lz-report-row[data-key="${key}"][data-status="sent"]`, { timeout: 20_000 });
    await again.setViewportSize({ width: 1000, height: 900 });
    await shot(again, 'my-reports.png');

    expect(proxy.log.posts.map((p) => [p.key, p.status, p.lost])).toEqual([
      [key, 201, true],
      [key, 200, false],
    ]);
    const db = new Database(join(work, 'reports.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT idempotency_key AS k, kind, category FROM reports').all();
    db.close();
    expect(rows).toEqual([{ k: key, kind: 'suspect-shop', category: 'forged-badge' }]);
    expect(await kept.locator('.lz-row-detail').innerText()).toContain('已送达');
  });
});
