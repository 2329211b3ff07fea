import { withinSite } from './site-key';

/**
 * A site the shopper chose to visit although a list said to block it ("仍要访问"). Kept for the
 * browser session only (the extension's session storage and session rules), and only while the
 * lists are the ones it was given under: never silently forever.
 */
export interface Allowance {
  /** Canonical host (site-key.ts); covers its subdomains, as the browser's allow rule does. */
  site: string;
  /** When the shopper continued (ms). */
  at: number;
  /** The lists in use then (listsKey); a new version of any list ends the allowance. */
  lists: string;
  /**
   * Let through because nothing blocks it any more (the browser's rules were older than the lists):
   * not the shopper's choice, so not listed as one.
   */
  auto?: true;
}

/** At most this many sites are remembered (the browser's session rules cap what can be allowed). */
export const MAX_ALLOWANCES = 1000;

/**
 * Identifies the lists in use: every active feed generation and its version. A sync that brings a
 * new version changes it, and with it every allowance lapses.
 */
export function listsKey(feeds: readonly { id: string; version: number | null }[]): string {
  return feeds
    .map((f) => `${f.id}@${f.version ?? '-'}`)
    .sort()
    .join(' ');
}

/** Stored value (session storage, possibly from an older build) → the valid allowances. */
export function normalizeAllowances(raw: unknown): Allowance[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((a): a is Allowance => !!a && typeof a === 'object' && typeof a.site === 'string' && typeof a.at === 'number' && typeof a.lists === 'string')
    .map((a) => ({ site: a.site, at: a.at, lists: a.lists, ...(a.auto === true ? { auto: true as const } : {}) }))
    .slice(-MAX_ALLOWANCES);
}

/** The allowances that still hold under the lists now in use. */
export function currentAllowances(all: readonly Allowance[], lists: string): Allowance[] {
  return all.filter((a) => a.lists === lists);
}

/** Adds (or renews) one site; the oldest go first past the cap. */
export function allow(all: readonly Allowance[], site: string, lists: string, at: number, auto = false): Allowance[] {
  const next = all.filter((a) => a.site !== site && a.lists === lists);
  next.push(auto ? { site, at, lists, auto } : { site, at, lists });
  return next.slice(-MAX_ALLOWANCES);
}

/** Whether a site (or a parent of it) was allowed under the current lists. */
export function isAllowed(site: string, all: readonly Allowance[], lists: string): boolean {
  return all.some((a) => a.lists === lists && withinSite(site, a.site));
}
