import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../extension/protocol/report-messages';
import type { Report } from '../../src/reports/report';
import { demoVerdict } from './harness/demo-verdict';
import { FakeWorker } from './harness/fake-worker';
import { axeBothSchemes } from './harness/axe';
import { useSurfaces } from './harness/use-surface';

const TAB = 7;
const ENDPOINT = 'https://reports.example.org/reports';
const WORDS = '页面上的“电子营业执照”标识点开是假网站。';

/** What the outbox answers for a report it has taken. */
function summaryOf(report: Report, status: ReportSummary['status'] = 'queued'): ReportSummary {
  return {
    key: report.idempotencyKey,
    status,
    kind: report.kind,
    category: report.category,
    disputedCode: report.falsePositive?.code ?? null,
    text: report.text,
    url: report.evidence.url,
    title: report.evidence.title ?? '',
    hasScreenshot: report.screenshot !== null,
    createdAt: Date.parse(report.createdAt),
    attempts: status === 'sent' ? 1 : 0,
    nextAttemptAt: Date.now() + 60_000,
    lastError: null,
    failureReason: null,
    sentAt: status === 'sent' ? Date.now() : null,
    receipt: null,
  };
}

/** A fake worker with the tab showing `page` and one report endpoint; submitted reports are kept. */
function worker(page = 'spoofed-badge.html') {
  const w = new FakeWorker();
  w.verdicts.set(TAB, demoVerdict(page));
  w.endpoints = [ENDPOINT];
  w.on('submitReport', ({ report }) => summaryOf(report));
  w.on('suppressFinding', () => ({ suppressions: [] }));
  return w;
}

/** The report form (extension/report) and my reports, over a fake worker. */
describe('the report form', () => {
  const surfaces = useSurfaces();
  const form = async (query: string, w = worker()) => {
    const s = await surfaces.open((server) => server.url('report', query), w);
    await s.page.waitForFunction(() => ['ready', 'empty', 'error'].includes(document.getElementById('root')?.dataset.state ?? ''));
    return s;
  };

  it('asks what is wrong and in whose words, shows the evidence, and saves the draft as the user types', async () => {
    const { page, worker: w } = await form(`?tabId=${TAB}&title=${encodeURIComponent('某某旗舰店')}`);
    expect(await page.locator('#root').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('h1').innerText()).toBe('举报可疑网店');
    const categories = page.getByRole('group', { name: '问题类别' }).getByRole('radio');
    expect(await categories.count()).toBeGreaterThan(3);
    expect(await page.locator('main').innerText()).toContain('91440300MA5G8N2T36'); // the evidence attached
    await page.locator('label.lz-choice', { has: page.locator('input[value="forged-badge"]') }).click();
    await page.getByRole('textbox', { name: '经过说明' }).fill(WORDS);
    await page.getByText(/^草稿已保存/).waitFor();
    const saved = w.sent('saveReportDraft').at(-1)!.draft;
    expect(saved).toMatchObject({ kind: 'suspect-shop', category: 'forged-badge', text: WORDS, tabId: TAB });
    // The page's address names the draft, so a restored tab finds it.
    expect(new URL(page.url()).searchParams.get('draft')).toBe(saved.id);
  });

  it('preselects the category from the top finding; the preview shows exactly what is sent; sending queues it', async () => {
    const { page, worker: w } = await form(`?tabId=${TAB}&title=${encodeURIComponent('某某旗舰店')}`);
    // spoofed-badge.html's top finding is a forged badge.
    expect(await page.locator('input[name="category"]:checked').getAttribute('value')).toBe('forged-badge');
    await page.getByRole('textbox', { name: '经过说明' }).fill(WORDS);
    await page.getByRole('button', { name: '预览将要发送的内容' }).click();
    await page.waitForSelector('main[data-step="preview"]');
    expect(await page.locator('main').innerText()).toContain(`POST ${ENDPOINT}`);
    await page.locator('.lz-json summary').click();
    const json = await page.locator('.lz-json pre').innerText();
    expect(json).toMatch(/Idempotency-Key: [0-9a-f-]{36}/);
    expect(json).toContain('"category": "forged-badge"');
    expect(json).toContain(WORDS);
    expect(json).toContain('"screenshot": null');

    // Back keeps what was written.
    await page.getByRole('button', { name: '返回修改' }).click();
    expect(await page.getByRole('textbox', { name: '经过说明' }).inputValue()).toBe(WORDS);
    await page.getByRole('button', { name: '预览将要发送的内容' }).click();
    await page.locator('.lz-json summary').click();
    const shown = await page.locator('.lz-json pre').innerText();
    await page.getByRole('button', { name: '保存并发送' }).click();
    await page.waitForSelector('main[data-step="done"]');
    const [sent] = w.sent('submitReport');
    expect(sent!.report).toMatchObject({ kind: 'suspect-shop', category: 'forged-badge', text: WORDS });
    expect(shown).toContain(`Idempotency-Key: ${sent!.report.idempotencyKey}`); // what was shown is what was sent
    expect(await page.locator('.lz-done[role="status"]').innerText()).toContain('举报已保存');
    expect(await page.locator('.lz-complaint').inputValue()).toContain('伪造亮照或备案标识');
  });

  it('"this warning is wrong": hides the warning on the site without sending anything, if that is all the user wants', async () => {
    const { page, worker: w } = await form(`?tabId=${TAB}&dispute=psb-province-mismatch`, worker('invalid-code.html'));
    expect(await page.locator('h1').innerText()).toBe('这条提醒有误');
    expect(await page.locator('[aria-labelledby="lz-dispute-h"] .lz-card[data-code="psb-province-mismatch"]').count()).toBe(1);
    const tell = page.getByRole('checkbox', { name: '同时告诉名单维护者（发送一份“提醒有误”的报告）' });
    expect(await tell.isChecked()).toBe(true);
    await tell.uncheck();
    await page.getByRole('button', { name: '只为我隐藏这条提醒' }).click();
    await page.waitForSelector('[data-hidden="true"]');
    expect(w.sent('suppressFinding')).toMatchObject([{ url: 'https://shop.example.cn/invalid-code.html', code: 'psb-province-mismatch' }]);
    expect(w.sent('submitReport')).toEqual([]);
  });

  it('says so when there is nothing to report', async () => {
    const { page } = await form('');
    expect(await page.locator('#root').getAttribute('data-state')).toBe('empty');
    expect(await page.locator('#root').innerText()).toContain('找不到要举报的页面');
  });

  it('has no serious or critical axe-core violation, light or dark, with and without a report endpoint', async () => {
    const noEndpoint = worker();
    noEndpoint.endpoints = [];
    for (const w of [worker(), noEndpoint]) {
      const { page } = await form(`?tabId=${TAB}`, w);
      expect(await axeBothSchemes(page), `${w.endpoints.length} endpoints`).toEqual({ light: [], dark: [] });
    }
  });
});

describe('my reports', () => {
  const surfaces = useSurfaces();

  it('lists each report with its status, and retries one on request', async () => {
    const w = worker();
    const base = { schema: 1, lang: 'zh-CN', evidence: { url: 'https://shop.example.cn/', title: '某某旗舰店' }, falsePositive: null, screenshot: null, client: { name: 'liangzhao-guard', version: '0.1.0' } } as unknown as Report;
    const queued = { ...summaryOf({ ...base, kind: 'suspect-shop', idempotencyKey: '11111111-1111-4111-8111-111111111111', createdAt: new Date().toISOString(), category: 'forged-badge', text: WORDS }), attempts: 1, lastError: 'network error' };
    const sent = summaryOf({ ...base, kind: 'suspect-shop', idempotencyKey: '22222222-2222-4222-8222-222222222222', createdAt: new Date().toISOString(), category: 'counterfeit', text: '假货' }, 'sent');
    w.on('listReports', () => ({ reports: [queued, sent], drafts: [], endpoints: [ENDPOINT], nextFlushAt: null }));
    w.on('retryReport', () => ({ ...queued, status: 'sending' }));
    const { page } = await surfaces.open((server) => server.url('my-reports'), w);
    await page.waitForSelector('#root[data-state="ready"]');
    const row = (key: string) => page.locator(`.lz-report-row[data-key="${key}"]`);
    expect(await row(queued.key).getAttribute('data-status')).toBe('queued');
    expect(await row(queued.key).locator('.lz-row-text').innerText()).toBe(WORDS);
    expect(await row(queued.key).locator('.lz-row-detail').innerText()).toContain('第 1 次发送未成功');
    expect(await row(sent.key).getAttribute('data-status')).toBe('sent');
    await row(queued.key).locator('button[data-action="retry"]').click();
    await expect.poll(() => w.sent('retryReport')).toEqual([{ key: queued.key }]);
  });
});
