import Database from 'better-sqlite3';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/tools/receiver/sqlite-store';
import { startReceiver, type RunningReceiver } from '../../src/tools/receiver/server';
import type { ReportStore } from '../../src/tools/receiver/report-store';
import { BROWSERS, findInPanel, useDriver, useFixtureServer, waitForPanel, waitForToolbar, type ExtensionPage } from './driver/all';
import { freePort, startLossyProxy } from './harness/lossy-proxy';
import { chineseOptions } from './harness/options-page';

/** Screenshots of the report pages for the README, kept under artifacts/screenshots/. */
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
async function shot(page: ExtensionPage, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.setViewport(1000, 900);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe.each(BROWSERS)('%s: false alarms can be hidden', (name) => {
  const server = useFixtureServer();
  const driver = useDriver(name, { fresh: 'test' });

  it('"This warning is wrong" in the panel hides that warning on that site for this user', async () => {
    (await chineseOptions(driver())).close();
    const tab = await driver().openTab(server().url('/demo/invalid-code.html'));
    // A warning opens as the compact card (its top finding): "查看全部" shows the rest.
    const compact = await waitForPanel(tab, (p) => !!p?.expanded);
    await tab.clickPanel(findInPanel(compact, (a) => a['data-action'] === 'view-all')!);
    const panel = await waitForPanel(tab, (p) => !!p?.expanded && p.findingCodes.includes('psb-province-mismatch'));
    const dispute = findInPanel(panel, (a, el) => a['data-action'] === 'dispute' && el.ancestors.some((x) => x['data-code'] === 'psb-province-mismatch'));
    expect(dispute).toBeDefined();
    const form = await driver().expectExtensionPage('extension/report/report.html', () => tab.clickPanel(dispute!));
    await form.waitFor('#root[data-state="ready"]');
    expect(await form.url()).toContain('dispute=psb-province-mismatch');
    expect(await form.count('[aria-labelledby="lz-dispute-h"] .lz-card[data-code="psb-province-mismatch"]')).toBe(1);
    // Only hide it for me (sending a report is a separate, optional choice).
    expect(await form.checked('input[name="sendReport"]')).toBe(true);
    await form.click('input[name="sendReport"]');
    expect(await form.checked('input[name="sendReport"]')).toBe(false);
    await form.click('button[type="submit"]');
    await form.waitFor('[data-hidden="true"]');
    await form.close();

    await tab.reload();
    const after = await waitForPanel(tab, (p) => !!p?.expanded && p.findingCodes.length > 0 && p.text.includes('已隐藏 1 条'));
    expect(after?.findingCodes).toEqual(['id-invalid']);
    expect(after?.level).toBe('warning'); // the page's other warning still stands (the rule is per site and code)
    const toolbar = await waitForToolbar(driver(), tab, (t) => !t.codes.includes('psb-province-mismatch') && t.codes.includes('id-invalid'));
    expect(toolbar.codes).toEqual(['id-invalid']);

    // Undo from the options page brings it back.
    const options = await driver().extensionPage('extension/options/options.html');
    await expect.poll(() => options.count('[data-list="hidden-warnings"] li')).toBe(1);
    await options.click('[data-list="hidden-warnings"] li button');
    await expect.poll(() => options.count('[data-list="hidden-warnings"] li')).toBe(0);
    await options.close();
    await tab.reload();
    const again = await waitForPanel(tab, (p) => !!p?.expanded);
    const viewAll = findInPanel(again, (a) => a['data-action'] === 'view-all');
    if (viewAll) await tab.clickPanel(viewAll);
    const back = await waitForPanel(tab, (p) => !!p?.expanded && p.findingCodes.includes('psb-province-mismatch'));
    expect(back?.text).not.toContain('已隐藏');
  });
});

// A restart of the same browser profile with the extension still installed (in Firefox, installed in
// the profile: LaunchOptions.profile).
describe.each(BROWSERS)('%s: reports survive a browser restart and arrive once', (name) => {
  const server = useFixtureServer();
  let work = '';
  let store: ReportStore | null = null;
  let receiver: RunningReceiver | null = null;
  let proxy: Awaited<ReturnType<typeof startLossyProxy>> | null = null;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'lz-reports-'));
  });
  // Registered before the driver's hooks so that it runs after them (afterEach hooks run last-in,
  // first-out): the browser has closed its profile before the directory goes.
  afterEach(async () => {
    await proxy?.close();
    await receiver?.close();
    await store?.close();
    [proxy, receiver, store] = [null, null, null];
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  });
  const driver = useDriver(name, { fresh: 'test', launch: () => ({ profile: join(work, 'profile') }) });
  // Chromium's screenshots keep the names the README's were taken under.
  const suffix = name === 'chromium' ? '' : `-${name}`;

  it('a report written while the receiver is down survives a browser restart and arrives exactly once', async () => {
    const [receiverPort, proxyPort] = [await freePort(), await freePort()];
    // The endpoint is set in the options page; nothing listens there yet.
    const endpoint = `http://127.0.0.1:${proxyPort}/reports`;
    const options = await chineseOptions(driver());
    await options.fill('[data-section="report-endpoints"] input[name="endpoint"]', endpoint);
    await options.press('[data-section="report-endpoints"] input[name="endpoint"]', 'Enter');
    await options.waitForFunction((e) => !!document.querySelector('[data-list="endpoints"]')?.textContent?.includes(e), endpoint);
    await options.close();

    const tab = await driver().openTab(server().url('/demo/spoofed-badge.html'));
    expect((await waitForToolbar(driver(), tab, (t) => t.level === 'danger')).level).toBe('danger');
    const tabId = await driver().tabId(tab);

    const form = await driver().extensionPage(`extension/report/report.html?tabId=${tabId}&title=${encodeURIComponent('某某旗舰店')}`);
    await form.waitFor('#root[data-state="ready"]');
    await form.click('label.lz-choice:has(input[value="forged-badge"])');
    const words = '页面上的“电子营业执照”标识点开是假网站。';
    await form.fill('#lz-text', words);
    await form.waitForFunction(() => !!document.querySelector('.lz-saved')?.textContent?.includes('草稿已保存'));
    // The draft survives the tab being reloaded (or restored after a crash): the URL names it.
    await form.reload();
    await form.waitFor('#root[data-state="ready"]');
    expect(await form.url()).toContain('draft=');
    expect(await form.value('#lz-text')).toBe(words);
    expect(await form.checked('input[value="forged-badge"]')).toBe(true);
    await shot(form, `report-page${suffix}.png`);

    await form.click('button[type="submit"]');
    await form.waitFor('main[data-step="preview"]');
    await form.click('.lz-json summary');
    const json = await form.text('.lz-json pre');
    const key = /Idempotency-Key: ([0-9a-f-]{36})/.exec(json)![1]!;
    expect(json).toContain('"category": "forged-badge"');
    expect(json).toContain(words);
    expect(json).toContain('"screenshot": null');
    await shot(form, `report-preview${suffix}.png`);
    await form.click('main[data-step="preview"] button.lz-primary');
    await form.waitFor('main[data-step="done"]');
    expect(await form.value('.lz-complaint')).toContain('伪造亮照或备案标识');
    await shot(form, `report-done${suffix}.png`);

    const mine = await driver().extensionPage('extension/report/my-reports.html');
    const row = `.lz-report-row[data-key="${key}"]`;
    // The first attempt found nothing listening: queued, with the reason and the next try.
    await mine.waitFor(`${row}[data-status="queued"] .lz-row-detail[data-kind="error"]`);
    expect(await mine.text(`${row} .lz-row-detail`)).toContain('第 1 次发送未成功');

    // Restart the browser with the same profile.
    const again = await (await driver.relaunch()).extensionPage('extension/report/my-reports.html');
    await again.waitFor(row);
    expect(await again.attribute(row, 'data-status')).toMatch(/queued|sending/);
    expect(await again.text(`${row} .lz-row-text`)).toBe(words);

    // Now the receiver comes up, behind a proxy that loses the answer to the first delivery.
    store = await openSqliteStore(join(work, 'reports.sqlite'));
    receiver = await startReceiver({ store, port: receiverPort });
    proxy = await startLossyProxy(proxyPort, receiverPort);
    await again.waitFor(`${row}[data-status="queued"]`);
    await again.click(`${row} button[data-action="retry"]`);
    await expect.poll(() => proxy!.log.posts.length, { timeout: 20_000 }).toBe(1);
    await again.waitFor(`${row}[data-status="queued"] .lz-row-detail[data-kind="error"]`);
    // The outbox has armed its alarm for the backoff retry.
    const alarm = await again.evaluate(() =>
      ((g) => (g.browser ?? g.chrome)!)(globalThis as unknown as Record<'browser' | 'chrome', { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } | undefined>)
        .alarms.get('report-outbox-flush')
        .then((a) => a?.scheduledTime ?? null),
    );
    expect(alarm).not.toBeNull();
    await again.click(`${row} button[data-action="retry"]`);
    await again.waitFor(`${row}[data-status="sent"]`, { timeoutMs: 20_000 });
    await shot(again, `my-reports${suffix}.png`);

    expect(proxy.log.posts.map((p) => [p.key, p.status, p.lost])).toEqual([
      [key, 201, true],
      [key, 200, false],
    ]);
    const db = new Database(join(work, 'reports.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT idempotency_key AS k, kind, category FROM reports').all();
    db.close();
    expect(rows).toEqual([{ k: key, kind: 'suspect-shop', category: 'forged-badge' }]);
    expect(await again.text(`${row} .lz-row-detail`)).toContain('已送达');
  });
});
