import { describe, expect, it } from 'vitest';
import { FEED_PAYLOADS } from './feed-payloads';
import { ValidationError } from './validate';

const KEY = '3iSg4toW/SYiVGnP40s1DfemBuQ/X7QXkiOE6F92FiA=';
const sub = FEED_PAYLOADS.subscribeFeed;

describe('feed message payloads', () => {
  it('accepts an http(s) feed URL and a 32-byte key (base64 or hex, normalized to base64)', () => {
    expect(sub({ url: 'http://127.0.0.1:8080/feed/manifest.json', publicKey: KEY }, '')).toEqual({ url: 'http://127.0.0.1:8080/feed/manifest.json', publicKey: KEY });
    const hex = Buffer.from(KEY, 'base64').toString('hex');
    expect(sub({ url: 'https://lists.example.org/feed/', publicKey: hex, staleAfterDays: 3 }, '')).toEqual({ url: 'https://lists.example.org/feed/', publicKey: KEY, staleAfterDays: 3 });
  });
  it('refuses other schemes, credentials in the URL, non-URLs and keys that are not 32 bytes, naming the field', () => {
    const refuse = (payload: unknown) => {
      try {
        sub(payload, '');
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refuse({ url: 'ftp://127.0.0.1/manifest.json', publicKey: KEY })).toMatch(/^url: .*http/);
    expect(refuse({ url: 'javascript:alert(1)', publicKey: KEY })).toMatch(/^url: /);
    expect(refuse({ url: 'https://user:pw@example.org/m.json', publicKey: KEY })).toMatch(/^url: .*password/);
    expect(refuse({ url: 'not a url', publicKey: KEY })).toMatch(/^url: not a URL/);
    expect(refuse({ url: 'https://example.org/m.json', publicKey: 'AAAA' })).toMatch(/^publicKey: .*32 bytes/);
    expect(refuse({ url: 'https://example.org/m.json', publicKey: KEY, staleAfterDays: 0 })).toMatch(/^staleAfterDays/);
    expect(refuse({ url: 'https://example.org/m.json' })).toMatch(/^publicKey: expected a string/);
  });
  it('syncFeeds takes an optional id; unsubscribeFeed needs one', () => {
    expect(FEED_PAYLOADS.syncFeeds({}, '')).toEqual({});
    expect(FEED_PAYLOADS.syncFeeds({ id: 'x' }, '')).toEqual({ id: 'x' });
    expect(() => FEED_PAYLOADS.unsubscribeFeed({}, '')).toThrow(ValidationError);
  });
});
