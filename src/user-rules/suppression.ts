/**
 * "This warning is wrong": the user's own per-site, per-rule suppression. Kept on the device only;
 * the matching false-positive report (if the user sends one) is a separate, explicit step.
 */
export interface FindingSuppression {
  /** Lower-case host the warning was shown on (the suppression applies to that host only). */
  host: string;
  /** The finding's rule code, e.g. `license-missing`. */
  code: string;
  /** The finding's evidence when the user marked it, so the options page can show what was hidden. */
  evidence: string;
  /** ISO time it was added. */
  addedAt: string;
}

/** At most this many suppressions are kept (oldest dropped first); far more than anyone marks. */
export const MAX_SUPPRESSIONS = 2000;

/** Rule codes are kebab-case; anything else is refused (it came from a message). */
export const FINDING_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Host of a page URL, lower case, or null for non-http(s) URLs. */
export function pageHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Adds (or refreshes) one suppression; the input list is not changed. */
export function addSuppression(list: readonly FindingSuppression[], entry: FindingSuppression): FindingSuppression[] {
  const rest = list.filter((s) => !(s.host === entry.host && s.code === entry.code));
  return [...rest, entry].slice(-MAX_SUPPRESSIONS);
}

/** Removes the suppression of one rule on one host. */
export function removeSuppression(list: readonly FindingSuppression[], host: string, code: string): FindingSuppression[] {
  return list.filter((s) => !(s.host === host && s.code === code));
}

/** Reads a stored list, dropping anything malformed (storage may hold an older or hand-edited value). */
export function normalizeSuppressions(raw: unknown): FindingSuppression[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is FindingSuppression =>
      !!s && typeof s === 'object' && typeof s.host === 'string' && typeof s.code === 'string' && FINDING_CODE.test(s.code) &&
      typeof s.evidence === 'string' && typeof s.addedAt === 'string',
  );
}
