import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, findInPanel, openPopup, poll, useDriver, waitForPanel, waitForToolbar } from './driver/all';
import { chineseOptions } from './harness/options-page';
import { startRegistryHosts, type RegistryHosts } from './harness/registry-hosts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const GSXT = 'www.gsxt.gov.cn';
const HOME = 'https://www.gsxt.gov.cn/';
/** The company page of the code shop A and shop B borrow (杭州瑞丰机械设备有限公司). */
const RESULT = 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html';
/** Another company's page (revoked), which no shop asked about. */
const STRAY = 'https://www.gsxt.gov.cn/corp-query-entprise-info-y.html';
const CODE = '91330106MA2H3P7L4H';
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const ANSWERS = '[data-list="registry-answers"]';

/**
 * Assisted lookup end to end: a shop showing a borrowed licence; the shopper clicks
 * "到国家企业信用信息公示系统核实"; the registry tab (the registry's real host name over https, served
 * here: harness/registry-hosts.ts) shows the company page; the shop's panel turns to danger with the
 * registry's words. The answer survives a browser restart and speaks on another shop showing the
 * same code. The tests of a browser are one story, in order, in one profile kept across the restart
 * (Firefox then has the extension installed in the profile, as a user's stays installed).
 */
describe.each(BROWSERS)("%s: the registry's answer brought back to the shop tab", (name) => {
  let hosts: RegistryHosts | null = null;
  let profile = '';
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), `lz-${name}-registry-`));
    hosts = await startRegistryHosts(
      [GSXT],
      {
        '/': read('./fixtures/registry/gsxt-home.html'),
        '/corp-query-entprise-info-x.html': read('../fixtures/registries/gsxt-company.html'),
        '/corp-query-entprise-info-y.html': read('../fixtures/registries/gsxt-company-revoked.html'),
      },
      { 'shop-a.example.cn': { '/': read('./fixtures/registry/shop-a.html') }, 'shop-b.example.cn': { '/': read('./fixtures/registry/shop-b.html') } },
    );
  });
  // Registered before the driver's hooks so that it runs after them (afterAll hooks run last-in,
  // first-out): the browser has closed its profile before the directory goes.
  afterAll(async () => {
    await hosts?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  const driver = useDriver(name, { launch: () => ({ profile, hosts: hosts!.mapping }) });

  it('"到国家企业信用信息公示系统核实" in the toolbar popup opens the registry in a tab; its result page turns the shop to danger, in the registry\'s words', async () => {
    // The product's own language (headless browsers report an English UI).
    await (await chineseOptions(driver())).close();
    const shop = await driver().openTab('http://shop-a.example.cn/');
    // On its own the page looks fine: a licence with a valid code, no list loaded.
    const quiet = await waitForToolbar(driver(), shop, (t) => t.seen && t.level !== 'none');
    expect(quiet.level).toBe('ok');
    const popup = await openPopup(driver(), shop);
    const registry = await driver().expectTab(HOME, () => popup.click('[data-action="verify"][data-site="gsxt"]'));
    await popup.close().catch(() => undefined); // the popup closes itself after opening the lookup
    // gsxt takes no query in its URL: the extension opened its home page (and copied the number).
    expect(await registry.url()).toBe(HOME);
    // The shopper searches and gets through the site's own check; the company page shows.
    await registry.goto(RESULT);
    const danger = await waitForPanel(shop, (p) => !!p?.findingCodes.includes('name-mismatch'));
    expect(danger?.level).toBe('danger');
    expect(danger?.expanded).toBe(true);
    expect(danger?.findingCodes).toContain('abnormal-operation');
    expect(danger?.text).toContain('杭州瑞丰机械设备有限公司');
    // The registry's own words are the evidence, and the number shows the answer with its age.
    expect(danger?.text).toContain('企业名称：杭州瑞丰机械设备有限公司；统一社会信用代码：91330106MA2H3P7L4H；登记状态：存续');
    expect(danger?.text).toContain('通过登记的住所或者经营场所无法联系的');
    expect(findInPanel(danger, (a) => a['data-from'] === 'registry')).toBeDefined();
    expect(findInPanel(danger, (a) => (a.class ?? '').includes('lz-official') && a['data-state'] === 'answered' && a['data-site'] === 'gsxt')).toBeDefined();
    // The shopper's browser asked the registry (here: its stand-in) for the company page.
    expect(hosts!.registryRequests).toContain('/corp-query-entprise-info-x.html');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, `registry-danger-${name}.png`), await shop.screenshot());
  });

  it('a registry page the extension did not open for a shop is not taken', async () => {
    const stray = await driver().openTab(STRAY);
    // The registry page's reader read it and was told no: it says so in the tab's console.
    const said = await poll(() => stray.consoleMessages(), (m) => m.some((l) => l.includes('registry reading not taken: this tab was not opened to check a shop')));
    expect(said.join('\n')).toContain('registry reading not taken: this tab was not opened to check a shop');
    await stray.close();
    // The user's answers are still the one brought back for shop A (not the revoked company's).
    const options = await driver().extensionPage('extension/options/options.html');
    await options.waitFor(`${ANSWERS} li`);
    expect(await options.texts(`${ANSWERS} .lz-id-value`)).toEqual([CODE]);
    await options.close();
  });

  it('survives a browser restart and speaks on another shop showing the same code; listed and deletable in the options', async () => {
    const asked = hosts!.registryRequests.length;
    await driver.relaunch();
    const other = await driver().openTab('http://shop-b.example.cn/');
    const panel = await waitForPanel(other, (p) => !!p?.findingCodes.includes('name-mismatch'));
    expect(panel?.level).toBe('danger');
    expect(panel?.text).toContain('杭州木语家具有限公司');
    expect(panel?.text).toContain('杭州瑞丰机械设备有限公司');
    // Nothing was asked of the registry again: the answer came from the user's own cache.
    expect(hosts!.registryRequests.length).toBe(asked);
    // The panel of a page in danger has the same "到…核实" as the popup, and it opens the registry too.
    const verify = findInPanel(panel, (a) => a['data-action'] === 'verify' && a['data-site'] === 'gsxt');
    expect(verify).toBeDefined();
    const registry = await driver().expectTab(HOME, () => other.clickPanel(verify!));
    expect(await registry.url()).toBe(HOME);
    await registry.close();

    const options = await driver().extensionPage('extension/options/options.html');
    await options.waitFor(`${ANSWERS} li`);
    expect(await options.count(`${ANSWERS} li`)).toBe(1);
    expect(await options.text(`${ANSWERS} li`)).toContain(CODE);
    expect(await options.text('[data-section="registry-answers"] .lz-row button')).toBe('全部删除');
    await options.click('[data-section="registry-answers"] .lz-row button');
    await options.waitFor(ANSWERS, { gone: true });
    expect(await options.count(`${ANSWERS} li`)).toBe(0);
    await options.close();
    await other.reload();
    // Without the answer the shop looks fine again (the reloaded page's verdict, in the toolbar).
    const after = await waitForToolbar(driver(), other, (t) => t.seen && t.level !== 'none' && !t.codes.includes('name-mismatch'));
    expect(after.codes).not.toContain('name-mismatch');
    expect(after.level).toBe('ok');
  });
});
