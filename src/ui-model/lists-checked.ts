import type { Finding } from '../types';

/**
 * Were the page's numbers checked against any list? Not when no list is loaded (lists-unavailable)
 * or the lookup failed (lists-stale carrying the error). Then "no problem found" must say so in its
 * own headline: the numbers are well formed, and that is all we know.
 */
export function listsChecked(findings: readonly Pick<Finding, 'code' | 'params'>[]): boolean {
  return !findings.some((f) => f.code === 'lists-unavailable' || (f.code === 'lists-stale' && !!f.params.error));
}
