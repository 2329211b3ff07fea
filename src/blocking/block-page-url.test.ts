import { describe, expect, it } from 'vitest';
import { blockPageUrl, parseBlockPageUrl } from './block-page-url';

const PAGE = 'chrome-extension://abc/extension/block/block.html';

describe('the block page address', () => {
  it('carries the blocked URL in its fragment, as it is, and how it was blocked', () => {
    const target = 'https://pay.evil.example.com:8443/a?b=c#d';
    expect(blockPageUrl(PAGE, target, 'check')).toBe(`${PAGE}?via=check#${target}`);
    expect(parseBlockPageUrl(blockPageUrl(PAGE, target, 'shop'))).toEqual({ target, via: 'shop' });
  });
  it('what the browser rule writes (the prefix, then the whole URL) reads back as blocked by a rule', () => {
    expect(parseBlockPageUrl(blockPageUrl(PAGE, '', 'rule') + 'http://evil.example.com/')).toEqual({ target: 'http://evil.example.com/', via: 'rule' });
    expect(parseBlockPageUrl(`${PAGE}?via=nonsense#http://evil.example.com/`)?.via).toBe('rule');
  });
  it('names no page for anything but an http(s) URL: the page never navigates to javascript: or another extension', () => {
    for (const target of ['javascript:alert(1)', 'data:text/html,x', 'chrome-extension://other/x.html', 'http://', '']) {
      expect(parseBlockPageUrl(`${PAGE}?via=rule#${target}`), target).toBeNull();
    }
    expect(parseBlockPageUrl(PAGE)).toBeNull();
  });
});
