import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readRegistryPage } from '../../src/registries/read-registry-page';
import { authorize } from './authorize';
import { PAYLOADS } from './payloads';
import { ValidationError } from './validate';

const page = parseHTML(readFileSync(new URL('../../tests/fixtures/registries/gsxt-company.html', import.meta.url), 'utf8')).document as unknown as Document;
const URL_ = 'https://www.gsxt.gov.cn/corp-query-entprise-info-x.html';
const reading = readRegistryPage(page, URL_);

describe('submitRegistryReading: the registry page is hostile input too', () => {
  it('passes a real reading through unchanged, and drops fields no reading has', () => {
    expect(PAYLOADS.submitRegistryReading({ url: URL_, reading }, '')).toEqual({ url: URL_, reading });
    const extra = JSON.parse(JSON.stringify({ url: URL_, reading, html: '<img onerror=x>' })) as { reading: { answer: Record<string, unknown> } };
    extra.reading.answer.script = 'alert(1)';
    const clean = PAYLOADS.submitRegistryReading(extra, '') as unknown as { html?: unknown; reading: { answer: Record<string, unknown> } };
    expect(clean.html).toBeUndefined();
    expect(clean.reading.answer.script).toBeUndefined();
  });

  it('refuses oversized words, unknown lists and registries, and readings that are neither answer nor unreadable', () => {
    const answer = reading.state === 'answer' ? reading.answer : null;
    const bad = [
      { ...answer, words: 'x'.repeat(1001) },
      { ...answer, entries: [{ list: 'red-carpet', date: null, authority: null, reason: null, removedOn: null }] },
      { ...answer, site: 'qcc' },
      { ...answer, subject: { name: 'x'.repeat(301), uscc: null, status: null, state: null } },
    ];
    for (const a of bad) expect(() => PAYLOADS.submitRegistryReading({ url: URL_, reading: { state: 'answer', answer: a } }, '')).toThrow(ValidationError);
    expect(() => PAYLOADS.submitRegistryReading({ url: URL_, reading: { state: 'refused', reason: 'x' } }, '')).toThrow(/expected answer or unreadable/);
  });

  it('content scripts may open a lookup and submit a reading (the worker then checks the tab and host); nothing else new', () => {
    const content = { id: 'me', url: 'https://www.gsxt.gov.cn/x', tab: { id: 4 }, frameId: 0 };
    expect(authorize('submitRegistryReading', content, 'me', 'chrome-extension://me/')).toMatchObject({ tabId: 4, privileged: false });
    expect(authorize('openRegistryLookup', content, 'me', 'chrome-extension://me/')).toMatchObject({ tabId: 4 });
    expect(authorize('getRegistryAnswers', content, 'me', 'chrome-extension://me/')).toBe('getRegistryAnswers is not allowed from a content script');
    expect(authorize('forgetRegistryAnswers', content, 'me', 'chrome-extension://me/')).toBe('forgetRegistryAnswers is not allowed from a content script');
    // A frame of the registry page cannot speak for the tab.
    expect(authorize('submitRegistryReading', { ...content, frameId: 3 }, 'me', 'chrome-extension://me/')).toBe('not from the top frame');
  });
});
