import type { Lang } from '../../i18n/lang';

/**
 * A page of search results or a shopping platform's listing, as data: which pages (the manifest's
 * match patterns for the search-marks content script), where each result is, its title (the mark
 * goes beside it) and the site or shop it leads to. One file per site, registered in registry.ts,
 * each with a fixture `tests/fixtures/listings/<id>.html`.
 */
export interface ListingSite {
  /** Stable kebab-case id; also the fixture's name. */
  id: string;
  name: Record<Lang, string>;
  kind: 'search-engine' | 'shopping';
  /** Exact host names of its result pages (the content script finds its site by host). */
  hosts: readonly string[];
  /** Match patterns of the result pages (manifest.json's search-marks entry holds exactly these). */
  matches: readonly string[];
  /** CSS selector of one result. */
  results: string;
  /** CSS selector, within a result, of its title (the element the mark goes after). */
  title: string;
  /**
   * The absolute http(s) URL a result leads to (its site, or its shop on the platform), or null when
   * the result does not say (an ad through an opaque redirect, a platform's own card).
   */
  target(result: Element, page: URL): string | null;
}

/** Declares a listing site with its data checked at load time (a typo fails every test). */
export function defineListing(site: ListingSite): ListingSite {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(site.id)) throw new Error(`listing id must be kebab-case: ${site.id}`);
  if (!site.hosts.length || !site.matches.length) throw new Error(`listing ${site.id} has no hosts or no match patterns`);
  for (const m of site.matches) {
    const host = /^\*:\/\/([^/]+)\//.exec(m)?.[1];
    if (!host || !site.hosts.includes(host)) throw new Error(`listing ${site.id}: pattern ${m} is not *://<one of its hosts>/…`);
  }
  return site;
}

/** An absolute http(s) URL from an attribute or text, or null (relative to the page). */
export function httpUrl(value: string | null | undefined, page: URL): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(v) || v.startsWith('/') ? v : `http://${v}`, page);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link's target unless it stays on the engine's own hosts (its opaque redirects say nothing). */
export function offSiteHref(a: Element | null, page: URL, own: readonly string[]): string | null {
  const url = httpUrl(a?.getAttribute('href'), page);
  if (!url) return null;
  const host = new URL(url).hostname;
  return own.some((o) => host === o || host.endsWith(`.${o}`)) ? null : url;
}
