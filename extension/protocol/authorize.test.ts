import { describe, expect, it } from 'vitest';
import { authorize, ownSiteOnly } from './authorize';
import { CONTENT_MESSAGES, ENGINE_MESSAGES, type MessageType } from './messages';
import { PAYLOADS } from './payloads';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: 'https://shop.example.com/item', tab: { id: 7 }, frameId: 0 };

describe('authorize', () => {
  it('lets extension pages call everything', () => {
    for (const type of Object.keys(PAYLOADS) as MessageType[]) {
      if (ENGINE_MESSAGES.has(type)) continue;
      expect(authorize(type, { id: ID, url: `${ORIGIN}extension/popup/popup.html?tabId=3` }, ID, ORIGIN)).toMatchObject({ privileged: true });
    }
  });
  it('lets content scripts call only the allowlist, with their tab', () => {
    expect(authorize('reportVerdict', page, ID, ORIGIN)).toEqual({ tabId: 7, privileged: false, url: page.url });
    for (const type of ['getTabVerdict', 'saveSettings', 'clearStoredData', 'getSettings', 'getStoredDataSummary', 'subscribeFeed'] as const) {
      expect(CONTENT_MESSAGES.has(type)).toBe(false);
      expect(authorize(type, page, ID, ORIGIN)).toBe(`${type} is not allowed from a content script`);
    }
  });
  it('refuses other extensions, tab-less senders and sub-frames', () => {
    expect(authorize('reportVerdict', { ...page, id: 'other' }, ID, ORIGIN)).toBe('not from this extension');
    expect(authorize('reportVerdict', { id: ID, url: page.url }, ID, ORIGIN)).toBe('content-script message without a tab');
    expect(authorize('reportVerdict', { ...page, frameId: 3 }, ID, ORIGIN)).toBe('not from the top frame');
  });
  it('is not fooled by a page whose URL merely contains our origin', () => {
    expect(authorize('clearStoredData', { ...page, url: `https://evil.example/${ORIGIN}` }, ID, ORIGIN)).toBe('clearStoredData is not allowed from a content script');
  });
  it("lets only the extension's own worker (no tab) ask the engine; never a content script or a page in a tab", () => {
    expect(ENGINE_MESSAGES.has('scanSnapshot')).toBe(true);
    expect(CONTENT_MESSAGES.has('scanSnapshot')).toBe(false);
    expect(authorize('scanSnapshot', { id: ID, url: `${ORIGIN}service-worker-loader.js` }, ID, ORIGIN)).toEqual({ tabId: null, privileged: true, url: `${ORIGIN}service-worker-loader.js` });
    expect(authorize('scanSnapshot', page, ID, ORIGIN)).toBe("scanSnapshot is only for the extension's own worker");
    expect(authorize('scanSnapshot', { id: ID, url: `${ORIGIN}extension/report/report.html`, tab: { id: 4 } }, ID, ORIGIN)).toBe("scanSnapshot is only for the extension's own worker");
    expect(authorize('scanSnapshot', { id: 'other', url: `${ORIGIN}x.js` }, ID, ORIGIN)).toBe('not from this extension');
  });
  it('lets a content script hide or show the panel for its own site only', () => {
    const content = { tabId: 7, privileged: false, url: 'https://Shop.example.com/item' };
    expect(ownSiteOnly('shop.example.com', content)).toBe('shop.example.com');
    expect(() => ownSiteOnly('other.example.com', content)).toThrow(/own site/);
    expect(() => ownSiteOnly('shop.example.com', { ...content, url: 'not a url' })).toThrow(/own site/);
    expect(ownSiteOnly('any.example.org', { tabId: null, privileged: true, url: `${ORIGIN}extension/popup/popup.html` })).toBe('any.example.org');
  });
});
