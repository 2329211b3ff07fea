import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { Outbox } from './outbox';
import { ReportValidationError, type Report } from './report';

let n = 0;
function report(text = '假货'): Report {
  return buildReport({
    category: 'counterfeit', text, lang: 'zh-CN', page: { url: 'https://a.example/', title: 'A' }, now: 1000 + n,
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
}

/** A scripted fetch: answers each call with the next status (or throws for 'down'), recording the calls. */
function scripted(...answers: (number | 'down')[]) {
  const calls: { url: string; key: string }[] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, key: (init.headers as Record<string, string>)['idempotency-key']! });
    const a = answers.shift() ?? 'down';
    if (a === 'down') throw new TypeError('fetch failed');
    return new Response(a === 201 ? '{"id":"1"}' : '{"error":"nope"}', { status: a });
  };
  return { fn, calls };
}

const open = (factory = new IDBFactory()) => new Outbox({ indexedDB: factory, IDBKeyRange });

describe('Outbox', () => {
  it('refuses an invalid report before saving anything', async () => {
    const outbox = open();
    const bad = { ...report(), text: 7 } as unknown as Report;
    await expect(outbox.submit(bad, { now: 0 })).rejects.toBeInstanceOf(ReportValidationError);
    expect(await outbox.list()).toEqual([]);
  });

  it('saves the report and removes its draft in one step; submitting twice keeps one entry', async () => {
    const outbox = open();
    await outbox.saveDraft({ id: 'https://a.example/', kind: 'suspect-shop', category: 'counterfeit', text: '假', disputedCode: null, attachScreenshot: false, updatedAt: 1 });
    expect((await outbox.loadDraft('https://a.example/'))?.text).toBe('假');
    const r = report();
    await outbox.submit(r, { now: 5, draftId: 'https://a.example/' });
    await outbox.submit(r, { now: 6 });
    expect(await outbox.loadDraft('https://a.example/')).toBeUndefined();
    expect(await outbox.list()).toMatchObject([{ key: r.idempotencyKey, status: 'queued', createdAt: 5, attempts: 0 }]);
  });

  it('"clear my data" forgets drafts and finished reports but keeps the ones still to be sent', async () => {
    const outbox = open();
    const sent = report('sent');
    const waiting = report('waiting');
    await outbox.submit(sent, { now: 0 });
    await outbox.flush(scripted(201).fn, ['https://r.example/'], () => 1);
    await outbox.submit(waiting, { now: 2 });
    await outbox.saveDraft({ id: 'd', kind: 'suspect-shop', category: null, text: '写了一半', disputedCode: null, attachScreenshot: false, updatedAt: 3 });
    expect(await outbox.counts()).toEqual({ waiting: 1, kept: 0, done: 1, drafts: 1 });
    expect(await outbox.forgetFinished()).toEqual({ kept: 1 });
    expect((await outbox.list()).map((e) => [e.report.text, e.status])).toEqual([['waiting', 'queued']]);
    expect(await outbox.loadDraft('d')).toBeUndefined();
    expect(await outbox.counts()).toEqual({ waiting: 1, kept: 0, done: 0, drafts: 0 });
  });

  it('keeps a report with nowhere to go on this device: never sent by a flush, sent only when the user asks', async () => {
    const outbox = open();
    const r = report('只在本机');
    await outbox.submit(r, { now: 1, keep: true });
    const net = scripted(201);
    expect(await outbox.flush(net.fn, ['https://r.example/'], () => 2)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(net.calls).toEqual([]);
    expect(await outbox.nextDue()).toBeNull();
    expect(await outbox.counts()).toEqual({ waiting: 0, kept: 1, done: 0, drafts: 0 });
    // "Clear my data" keeps it, as it keeps the ones waiting to be sent.
    expect(await outbox.forgetFinished()).toEqual({ kept: 1 });
    // Later, with a receiver configured, the user sends it.
    await outbox.retryNow(r.idempotencyKey, 3);
    expect(await outbox.flush(net.fn, ['https://r.example/'], () => 4)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await outbox.get(r.idempotencyKey))?.status).toBe('sent');
  });

  it('lists my reports newest first', async () => {
    const outbox = open();
    const a = report('a');
    const b = report('b');
    await outbox.submit(a, { now: 1 });
    await outbox.submit(b, { now: 2 });
    expect((await outbox.list()).map((e) => e.report.text)).toEqual(['b', 'a']);
  });

  it('backs off exponentially with the same key on every retry', async () => {
    const outbox = open();
    const r = report();
    await outbox.submit(r, { now: 0 });
    const net = scripted('down', 500, 503, 201);
    let clock = 0;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      await outbox.flush(net.fn, ['https://r.example/reports'], () => clock, { random: () => 1 });
      const e = (await outbox.get(r.idempotencyKey))!;
      if (e.status === 'sent') break;
      gaps.push(e.nextAttemptAt - clock);
      clock = e.nextAttemptAt;
    }
    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    expect(net.calls.map((c) => c.key)).toEqual(Array(4).fill(r.idempotencyKey));
    expect(await outbox.get(r.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 4, lastError: null, receipt: { id: '1' } });
    expect(await outbox.nextDue()).toBeNull();
  });

  it('tries the next endpoint when one is unreachable, but stops at a permanent refusal', async () => {
    const outbox = open();
    const r = report();
    await outbox.submit(r, { now: 0 });
    const net = scripted('down', 400, 201);
    await outbox.flush(net.fn, ['https://one.example/r', 'https://two.example/r', 'https://three.example/r'], () => 0);
    expect(net.calls.map((c) => c.url)).toEqual(['https://one.example/r', 'https://two.example/r']);
    expect(await outbox.get(r.idempotencyKey)).toMatchObject({ status: 'failed-permanent', failureReason: 'HTTP 400: nope' });
    // The user may send it again; it keeps its key.
    await outbox.retryNow(r.idempotencyKey, 10);
    await outbox.flush(scripted(201).fn, ['https://one.example/r'], () => 10);
    expect(await outbox.get(r.idempotencyKey)).toMatchObject({ status: 'sent', key: r.idempotencyKey });
  });

  it('refuses a plain-http endpoint off loopback without touching the queue', async () => {
    const outbox = open();
    await outbox.submit(report(), { now: 0 });
    await expect(outbox.flush(scripted(201).fn, ['http://r.example/reports'], () => 0)).rejects.toThrow(/https/);
    expect((await outbox.list())[0]).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('discards a report the user deletes', async () => {
    const outbox = open();
    const r = report();
    await outbox.submit(r, { now: 0 });
    expect(await outbox.nextDue()).toBe(0);
    await outbox.discard(r.idempotencyKey);
    expect(await outbox.list()).toEqual([]);
  });
});
