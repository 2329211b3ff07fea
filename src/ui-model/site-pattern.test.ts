import { describe, expect, it } from 'vitest';
import { findAllowlisted, matchesSite, parseSitePattern } from './site-pattern';

describe('parseSitePattern', () => {
  it('normalizes hosts, URLs and wildcards', () => {
    expect(parseSitePattern('  Shop.Example.COM ')).toMatchObject({ ok: true, pattern: 'shop.example.com', wildcard: false });
    expect(parseSitePattern('https://shop.example.com:8443/item?id=1')).toMatchObject({ ok: true, pattern: 'shop.example.com' });
    expect(parseSitePattern('*.Example.com')).toMatchObject({ ok: true, pattern: '*.example.com', host: 'example.com', wildcard: true });
    expect(parseSitePattern('127.0.0.1')).toMatchObject({ ok: true, pattern: '127.0.0.1' });
  });
  it('refuses what is not a host', () => {
    expect(parseSitePattern('')).toEqual({ ok: false, error: 'empty' });
    expect(parseSitePattern('exa mple.com')).toEqual({ ok: false, error: 'invalid' });
    expect(parseSitePattern('*.')).toEqual({ ok: false, error: 'invalid' });
    expect(parseSitePattern('a*.example.com')).toEqual({ ok: false, error: 'invalid' });
    expect(parseSitePattern('-bad.com')).toEqual({ ok: false, error: 'invalid' });
    expect(parseSitePattern('*.127.0.0.1')).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('matchesSite', () => {
  it('matches a plain host and its www', () => {
    expect(matchesSite('example.com', 'example.com')).toBe(true);
    expect(matchesSite('example.com', 'WWW.example.com')).toBe(true);
    expect(matchesSite('example.com', 'shop.example.com')).toBe(false);
    expect(matchesSite('example.com', 'badexample.com')).toBe(false);
  });
  it('matches a wildcard on the domain and every subdomain, never a look-alike', () => {
    expect(matchesSite('*.example.com', 'example.com')).toBe(true);
    expect(matchesSite('*.example.com', 'a.b.example.com')).toBe(true);
    expect(matchesSite('*.example.com', 'notexample.com')).toBe(false);
    expect(matchesSite('*.example.com', 'example.com.evil.cn')).toBe(false);
  });
  it('finds the first matching pattern and ignores invalid ones', () => {
    expect(findAllowlisted(['bad pattern', '*.tmall.com'], 'detail.tmall.com')).toBe('*.tmall.com');
    expect(findAllowlisted(['jd.com'], 'item.jd.com')).toBeUndefined();
  });
});
