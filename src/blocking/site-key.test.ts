import { describe, expect, it } from 'vitest';
import { domainsOf } from '../feed/scan-queries';
import { siteOf, withinSite } from './site-key';

describe('the site of a navigation and its parent domains', () => {
  it('is the lists\' canonical host: lower case, no www., no port, no trailing dot', () => {
    expect(siteOf('https://WWW.Evil-Shop.example.com:8443/pay?x=1#top')).toBe('evil-shop.example.com');
    expect(siteOf('http://evil.example.com./')).toBe('evil.example.com');
    expect(siteOf('http://www.evil.example.com:80/')).toBe('evil.example.com');
  });
  it('is punycode for an internationalized name, however the URL wrote it', () => {
    expect(siteOf('https://假冒商城.中国/item')).toBe('xn--sxq64aj5fc6c.xn--fiqs8s');
    expect(siteOf('https://xn--sxq64aj5fc6c.xn--fiqs8s/item')).toBe('xn--sxq64aj5fc6c.xn--fiqs8s');
    expect(domainsOf('https://店.假冒商城.中国/')).toEqual(['xn--hxt.xn--sxq64aj5fc6c.xn--fiqs8s', 'xn--sxq64aj5fc6c.xn--fiqs8s']);
  });
  it('walks up to the registrable domain, never to a bare suffix (com) or a shared one (com.cn)', () => {
    expect(domainsOf('https://a.b.evil.com.cn/')).toEqual(['a.b.evil.com.cn', 'b.evil.com.cn', 'evil.com.cn']);
    expect(domainsOf('https://m.evil.com/')).toEqual(['m.evil.com', 'evil.com']);
  });
  it('is nothing for pages that are not on a domain name', () => {
    for (const url of ['http://127.0.0.1:8080/', 'about:blank', 'chrome-extension://abc/page.html', 'file:///tmp/x.html', 'http://localhost/']) expect(siteOf(url)).toBeNull();
  });
  it('a site is within itself and its parents, never within a sibling or a look-alike', () => {
    expect(withinSite('pay.evil.com', 'evil.com')).toBe(true);
    expect(withinSite('evil.com', 'evil.com')).toBe(true);
    expect(withinSite('notevil.com', 'evil.com')).toBe(false);
    expect(withinSite('evil.com', 'pay.evil.com')).toBe(false);
  });
});
