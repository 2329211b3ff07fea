import { describe, expect, it } from 'vitest';
import type { PictureEngineStatus, PictureInput, TabVerdict } from '../../extension/protocol/messages';
import type { PictureFacts } from '../../src/types';
import { axeBothSchemes } from './harness/axe';
import { FakeWorker } from './harness/fake-worker';
import { licencePicture, paperLicence, pictureVerdict, unreadablePicture } from './harness/picture-verdict';
import { useSurfaces } from './harness/use-surface';

// The codes of the demo's licence picture (tests/fixtures/demo/licence-picture.html): an edited licence
// prints TAMPERED under a QR code that carries CLEAN. Both pass their check characters.
const CLEAN = '91350203MAQ1L0384W';
const TAMPERED = '91350203C5207Q8C87';
const INVALID = '91350203MAQ1L0384X';
const NAME = '厦门川智锦服饰有限公司';
const GSXT_QR = (code?: string) => `https://www.gsxt.gov.cn/${code ? `corp-query-entprise-info?uniscid=${code}` : '%7B4A1C2E6F90B3%7D'}`;
const TAB = 7;

/** A deferred answer, for holding checkPage until the test has seen the reading state. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The fake worker for the panel's pictures: the reader's status as `status` says, and checkPage
 * answered with the demo page's verdict with `pictures` read (each given the ref its input carried,
 * as the worker does), once `release()` is called.
 */
function pictureWorker(pictures: (inputs: PictureInput[]) => PictureFacts[], lang: 'zh-CN' | 'en' = 'zh-CN') {
  const worker = new FakeWorker();
  const gate = deferred<void>();
  const state = { status: { phase: 'cold', progress: 0 } as PictureEngineStatus };
  worker.on('getPictureStatus', () => state.status);
  worker.on('checkPage', async ({ url, pictures: inputs = [] }) => {
    await gate.promise;
    const read = pictures(inputs).map((p, i) => (inputs[i]?.ref !== undefined && inputs[i]?.ref !== null ? { ...p, ref: inputs[i]!.ref! } : p));
    return { stored: true, result: pictureVerdict('licence-picture.html', url, read, lang), locators: [], autoExpand: true };
  });
  return { worker, state, release: () => gate.resolve() };
}

const tampered = (inputs: PictureInput[]) => [licencePicture(inputs[0]!.src, paperLicence(TAMPERED, NAME), [GSXT_QR(CLEAN)])];

describe('the panel: licence pictures being read, and what was read', () => {
  const surfaces = useSurfaces();
  const open = async (worker: FakeWorker, query = '?pictures=1&open=1&place=0') => {
    const s = await surfaces.open((server) => server.panelUrl('licence-picture.html', query), worker);
    await s.page.waitForFunction(() => document.documentElement.dataset.lzPanel !== undefined);
    return s;
  };

  it('says the picture is being read, with the first model load’s progress, then shows what it showed', async () => {
    const { worker, state, release } = pictureWorker(tampered);
    const { page } = await open(worker);
    const note = page.locator('.lz-reading');
    await expect.poll(() => note.getByRole('status').textContent()).toBe('正在识别执照图片（1 张）…');
    // The page's text showed no licence: the heading says the picture is being read, not "未读取到证照".
    expect(await page.locator('.lz-title').innerText()).toBe('正在识别执照图片（1 张）…');
    expect(await page.getByRole('region', { name: '从图片读到的内容' }).count()).toBe(0);
    // The heading says it already: the note says it to screen readers only, and shows how long it takes.
    expect(await note.innerText()).toContain('读取中，通常只需几秒。');
    // The progress is the reader's own (getPictureStatus, asked while the panel is open).
    state.status = { phase: 'loading', progress: 0.45 };
    await expect.poll(() => note.locator('.lz-reading-model').innerText().catch(() => '')).toContain('正在加载识别模型… 45%');
    expect(await page.getByRole('progressbar', { name: '识别模型加载进度' }).getAttribute('value')).toBe('45');
    state.status = { phase: 'loading', progress: 0.8 };
    await expect.poll(() => page.getByRole('progressbar').getAttribute('value')).toBe('80');
    state.status = { phase: 'ready', progress: 1 };
    await expect.poll(() => note.locator('.lz-reading-model').count()).toBe(0);
    const asked = worker.sent('getPictureStatus').length;
    expect(asked).toBeGreaterThanOrEqual(3);
    // Ready: no more asking.
    await page.waitForTimeout(1000);
    expect(worker.sent('getPictureStatus').length).toBeLessThanOrEqual(asked + 1);
    // The picture was sent to be read with the page, by its own address and ref.
    expect(worker.sent('checkPage')[0]!.pictures!.map((p) => p.src)).toEqual([expect.stringMatching(/\/licence-picture\.jpg$/)]);

    release();
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel === 'read:danger');
    expect(await page.locator('.lz-reading').count()).toBe(0);
    expect(await page.locator('.lz-title').innerText()).toBe('高风险');
    const block = page.getByRole('region', { name: '从图片读到的内容' });
    const card = block.getByRole('listitem', { name: '图片：licence-picture.jpg' });
    expect(await card.getAttribute('data-picture')).toBe('read');
    const fields = Object.fromEntries(await card.locator('.lz-field').evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent])));
    expect(fields['名称']).toBe(NAME);
    expect(fields['统一社会信用代码']).toMatch(new RegExp(`^${TAMPERED} 格式正确`));
    expect(fields['法定代表人']).toBe('王建国');
    expect(fields['注册资本']).toBe('伍佰万元整');
    expect(fields['成立日期']).toBe('2019年03月12日');
    // The QR result beside the fields: where it leads, and the code it carries against the printed one.
    expect(await card.locator('[data-qr]').evaluateAll((li) => li.map((l) => [l.getAttribute('data-qr'), l.textContent]))).toEqual([
      ['official', '二维码指向国家企业信用信息公示系统'],
      ['differs', `二维码中的代码 ${CLEAN} 与图片上印的 ${TAMPERED} 不一致`],
    ]);
    // The lookups for the code are the page's own: gsxt (the code copied, the site opened) and 信用中国's deep link.
    expect(await card.locator('[data-site="gsxt"]').getAttribute('href')).toBe('https://www.gsxt.gov.cn');
    expect(await card.locator('[data-site="creditchina"]').getAttribute('href')).toContain(encodeURIComponent(TAMPERED));
    // The finding names the picture; the code is not listed again as the page's text.
    expect(await page.locator('[data-code="licence-tampered"]').count()).toBe(1);
    expect(await page.getByRole('region', { name: '页面上的证照号码' }).count()).toBe(0);
  });

  it('"在页面上显示" scrolls to the picture and outlines it', async () => {
    const { worker, release } = pictureWorker(tampered);
    release();
    const { page } = await open(worker);
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    await page.evaluate(() => {
      document.body.style.paddingTop = '3000px';
      scrollTo(0, 0);
    });
    await page.getByRole('button', { name: '在页面上显示：licence-picture.jpg' }).click();
    await page.waitForFunction(() => {
      const r = document.images[0]!.getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    });
    const [img, mark] = await page.evaluate(() => {
      const mark = document.querySelector('lz-test-panel')!.shadowRoot!.querySelector('.lz-mark');
      return [document.images[0]!.getBoundingClientRect().toJSON(), mark?.getBoundingClientRect().toJSON() ?? null] as [DOMRect, DOMRect | null];
    });
    expect(mark).not.toBeNull();
    // The outline is around the picture (4 px out on each side).
    expect(Math.abs(mark!.left - (img.left - 4))).toBeLessThan(2);
    expect(Math.abs(mark!.width - (img.width + 8))).toBeLessThan(2);
  });

  it('QR codes: the registry without a code, the same code, a lookalike host; a picture not read says so, in neutral; a partial reading says the rest is coming', async () => {
    const { worker, release } = pictureWorker((inputs) => [
      licencePicture(inputs[0]!.src, paperLicence(CLEAN, NAME), [GSXT_QR()], { complete: false }),
      licencePicture('https://img.example.cn/zz/营业执照-2.png', paperLicence(CLEAN, NAME), [GSXT_QR(CLEAN)]),
      licencePicture('https://img.example.cn/zz/yyzz3.jpg', paperLicence(CLEAN, NAME), [`https://gsxt-gov.cn.example.top/verify?uniscid=${CLEAN}`]),
      unreadablePicture('https://img.example.cn/zz/yyzz4.jpg'),
    ]);
    release();
    const { page } = await open(worker);
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    const cards = page.getByRole('region', { name: '从图片读到的内容' }).getByRole('listitem').filter({ has: page.locator('.lz-picture-head') });
    expect(await cards.evaluateAll((li) => li.map((l) => l.getAttribute('aria-label')))).toEqual(['图片：licence-picture.jpg', '图片：营业执照-2.png', '图片：yyzz3.jpg', '图片：yyzz4.jpg']);
    const qr = (i: number) => cards.nth(i).locator('[data-qr]').evaluateAll((li) => li.map((l) => l.textContent));
    // Most provinces encrypt the code: an official host without one leads to the registry, nothing more.
    expect(await qr(0)).toEqual(['二维码指向国家企业信用信息公示系统']);
    expect(await cards.nth(0).getAttribute('data-picture')).toBe('partial');
    expect(await cards.nth(0).locator('.lz-picture-rest').innerText()).toBe('其余字段读取中…');
    expect(await qr(1)).toEqual(['二维码指向国家企业信用信息公示系统', `二维码中的代码 ${CLEAN} 与图片上印的一致`]);
    expect(await cards.nth(1).locator('.lz-picture-rest').count()).toBe(0);
    expect(await qr(2)).toEqual(['二维码指向的不是官方登记系统，而是 gsxt-gov.cn.example.top']);
    expect(await page.locator('[data-code="badge-spoofed"]').count()).toBeGreaterThanOrEqual(1);
    // Could not read: said as such, neutral (no severity, no fields), never "no licence".
    const unread = cards.nth(3);
    expect(await unread.getAttribute('data-picture')).toBe('unreadable');
    expect(await unread.getAttribute('data-severity')).toBeNull();
    expect(await unread.locator('.lz-picture-unread').innerText()).toBe('未能看清这张图片');
    expect(await unread.locator('.lz-field').count()).toBe(0);
    expect(await unread.innerText()).not.toMatch(/未读取到证照|无执照|没有执照。/);
    const colour = (l: import('playwright-core').Locator) => l.evaluate((el) => getComputedStyle(el).color);
    expect(await colour(unread.locator('.lz-picture-unread'))).toBe(await colour(page.locator('.lz-picture-name').first()));
    expect(await colour(unread.locator('.lz-picture-unread'))).not.toBe(await colour(cards.nth(2).locator('[data-qr="lookalike"]')));
    // A picture with no place on the page (another picture's, here) cannot be shown there: no button.
    expect(await cards.nth(3).getByRole('button', { name: /在页面上显示/ }).count()).toBe(0);
  });

  it('a code read unsurely that fails its check is "看不清", never "格式错误"', async () => {
    const { worker, release } = pictureWorker((inputs) => [licencePicture(inputs[0]!.src, paperLicence(INVALID, NAME, 0.6), [])]);
    release();
    const { page } = await open(worker);
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    const code = page.locator('.lz-field-code');
    expect(await code.locator('.lz-id-value').innerText()).toBe(INVALID);
    expect(await code.locator('.lz-check').innerText()).toBe('看不清');
    expect(await code.locator('.lz-check').getAttribute('data-valid')).toBe('unclear');
    expect(await page.getByRole('region', { name: '从图片读到的内容' }).innerText()).not.toContain('格式错误');
  });

  it('the compact card mentions the pictures in one line; the block is under "查看全部"', async () => {
    // A printed code that fails its check, read surely: id-invalid, a warning, opens as the compact card.
    const { worker, release } = pictureWorker((inputs) => [licencePicture(inputs[0]!.src, paperLicence(INVALID, NAME), [GSXT_QR()])]);
    const { page } = await open(worker, '?pictures=1');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel === 'read:warning');
    await expect.poll(() => page.locator('.lz-panel').getAttribute('data-view').catch(() => null)).toBe('compact');
    expect(await page.locator('.lz-pictures-line').innerText()).toBe('已从 1 张执照图片读到内容，见“查看全部”。');
    expect(await page.getByRole('region', { name: '从图片读到的内容' }).count()).toBe(0);
    await page.locator('[data-action="view-all"]').click();
    expect(await page.getByRole('region', { name: '从图片读到的内容' }).innerText()).toContain(INVALID);
  });

  it('speaks English and Traditional Chinese', async () => {
    const en = pictureWorker((inputs) => [licencePicture(inputs[0]!.src, paperLicence(TAMPERED, NAME), [GSXT_QR(CLEAN)]), unreadablePicture('https://img.example.cn/x.jpg')], 'en');
    const { page } = await open(en.worker, '?pictures=1&open=1&place=0&lang=en');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Reading the licence picture (1)…');
    en.release();
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    const block = page.getByRole('region', { name: 'What was read from the picture' });
    expect(await block.innerText()).toContain('Could not read this picture');
    expect(await block.innerText()).toContain(`The QR code carries ${CLEAN}, not the printed code ${TAMPERED}`);
    const tw = pictureWorker(tampered);
    tw.release();
    const t = await open(tw.worker, '?pictures=1&open=1&place=0&lang=zh-TW');
    await t.page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    expect(await t.page.getByRole('region', { name: '從圖片讀到的內容' }).innerText()).toContain('二維碼指向國家企業信用信息公示系統');
  });

  it('has no serious or critical axe-core violation, light or dark, reading and read', async () => {
    const { worker, state, release } = pictureWorker((inputs) => [
      licencePicture(inputs[0]!.src, paperLicence(TAMPERED, NAME), [GSXT_QR(CLEAN)], { complete: false }),
      licencePicture('https://img.example.cn/yyzz3.jpg', paperLicence(CLEAN, NAME), [`https://gsxt-gov.cn.example.top/verify?uniscid=${CLEAN}`]),
      unreadablePicture('https://img.example.cn/yyzz4.jpg'),
    ]);
    state.status = { phase: 'loading', progress: 0.3 };
    const { page } = await open(worker);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    expect(await axeBothSchemes(page, 'lz-test-panel'), 'reading').toEqual({ light: [], dark: [] });
    release();
    await page.waitForFunction(() => document.documentElement.dataset.lzPanel?.startsWith('read:'));
    expect(await page.getByRole('region', { name: '从图片读到的内容' }).count()).toBe(1);
    expect(await axeBothSchemes(page, 'lz-test-panel'), 'read').toEqual({ light: [], dark: [] });
  });
});

describe('the popup: licence pictures being read, and what was read', () => {
  const surfaces = useSurfaces();
  const URL_ = 'https://shop.example.cn/licence-picture.html';
  const SRC = 'https://shop.example.cn/licence-picture.jpg';
  const read = (): TabVerdict => ({ url: URL_, result: pictureVerdict('licence-picture.html', URL_, [licencePicture(SRC, paperLicence(TAMPERED, NAME), [GSXT_QR(CLEAN)])]), allowlisted: null, reportedAt: Date.now() });
  const reading = (): TabVerdict => ({ url: URL_, result: pictureVerdict('licence-picture.html', URL_, []), allowlisted: null, reportedAt: Date.now(), reading: { pictures: 1 } });

  it('follows the tab from "正在识别执照图片" with the model’s progress to what the picture showed', async () => {
    const worker = new FakeWorker();
    worker.verdicts.set(TAB, reading());
    let status: PictureEngineStatus = { phase: 'loading', progress: 0.3 };
    worker.on('getPictureStatus', () => status);
    const { page } = await surfaces.open((server) => server.url('popup', `?tabId=${TAB}`), worker);
    await expect.poll(() => page.locator('.lz-reading').getByRole('status').textContent().catch(() => '')).toBe('正在识别执照图片（1 张）…');
    expect(await page.locator('main h1').innerText()).toBe('正在识别执照图片（1 张）…');
    await expect.poll(() => page.locator('.lz-reading-model').innerText().catch(() => '')).toContain('正在加载识别模型… 30%');
    status = { phase: 'loading', progress: 0.65 };
    await expect.poll(() => page.getByRole('progressbar', { name: '识别模型加载进度' }).getAttribute('value').catch(() => null)).toBe('65');
    // The worker stores the verdict with the picture: the popup shows it without being reopened.
    status = { phase: 'ready', progress: 1 };
    worker.verdicts.set(TAB, read());
    await expect.poll(() => page.locator('.lz-reading').count()).toBe(0);
    expect(await page.locator('main h1').innerText()).toBe('高风险');
    const block = page.getByRole('region', { name: '从图片读到的内容' });
    expect(await block.innerText()).toContain(TAMPERED);
    expect(await block.innerText()).toContain(`二维码中的代码 ${CLEAN} 与图片上印的 ${TAMPERED} 不一致`);
    // The popup cannot point into the page: no "在页面上显示"; the lookups are there.
    expect(await block.getByRole('button', { name: /在页面上显示/ }).count()).toBe(0);
    expect(await block.locator('[data-site="gsxt"]').count()).toBe(1);
    const polls = worker.sent('getTabVerdict').length;
    expect(polls).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(1200);
    // Read: it stops asking.
    expect(worker.sent('getTabVerdict').length).toBe(polls);
  });

  it('asks nothing more when nothing is being read', async () => {
    const worker = new FakeWorker();
    worker.verdicts.set(TAB, read());
    const { page } = await surfaces.open((server) => server.url('popup', `?tabId=${TAB}`), worker);
    await page.getByRole('region', { name: '从图片读到的内容' }).waitFor();
    await page.waitForTimeout(800);
    expect(worker.sent('getTabVerdict')).toHaveLength(1);
    expect(worker.sent('getPictureStatus')).toHaveLength(0);
  });

  it('has no serious or critical axe-core violation, light or dark, reading and read', async () => {
    for (const verdict of [reading(), read()]) {
      const worker = new FakeWorker();
      worker.verdicts.set(TAB, verdict);
      worker.on('getPictureStatus', () => ({ phase: 'loading', progress: 0.5 }));
      const { page } = await surfaces.open((server) => server.url('popup', `?tabId=${TAB}`), worker);
      await page.waitForFunction(() => document.getElementById('root')?.dataset.level !== 'pending');
      if (verdict.reading) await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
      else await page.getByRole('region', { name: '从图片读到的内容' }).waitFor();
      expect(await axeBothSchemes(page), verdict.reading ? 'reading' : 'read').toEqual({ light: [], dark: [] });
    }
  });
});
