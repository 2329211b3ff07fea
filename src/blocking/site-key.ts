import { domainsOf } from '../feed/scan-queries';

/**
 * The site a navigation is to, as the block page, the shopper's "continue" and the browser's rules
 * name it: the host in the lists' canonical form (lower-case punycode, no `www.`, no port), or null
 * for anything that is not an http(s) page on a domain name (IP addresses are never listed).
 */
export function siteOf(url: string): string | null {
  return domainsOf(url)[0] ?? null;
}

/** Whether `site` is `base` or one of its subdomains (how the browser's requestDomains match). */
export function withinSite(site: string, base: string): boolean {
  return site === base || site.endsWith(`.${base}`);
}
