/**
 * Per-site allowlist patterns: `example.com` (that host and its www.), `*.example.com` (the domain
 * and every subdomain), or a pasted URL (its host is used). Matching is on host names only.
 */

/** A parsed pattern, or an error code the options page explains. */
export type ParsedPattern = { ok: true; pattern: string; host: string; wildcard: boolean } | { ok: false; error: 'empty' | 'invalid' };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cases, strips scheme, path, port and a trailing dot; keeps a leading `*.`. */
export function parseSitePattern(input: string): ParsedPattern {
  let s = input.trim().toLowerCase();
  if (!s) return { ok: false, error: 'empty' };
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.split(/[/?#]/, 1)[0]!.replace(/:\d+$/, '').replace(/\.$/, '');
  const wildcard = s.startsWith('*.');
  const host = wildcard ? s.slice(2) : s;
  if (!host || host.length > 253) return { ok: false, error: 'invalid' };
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!isIp && !host.split('.').every((l) => LABEL.test(l))) return { ok: false, error: 'invalid' };
  if (isIp && wildcard) return { ok: false, error: 'invalid' };
  return { ok: true, pattern: wildcard ? `*.${host}` : host, host, wildcard };
}

/** Does one pattern match a host name? Invalid patterns match nothing. */
export function matchesSite(pattern: string, hostname: string): boolean {
  const parsed = parseSitePattern(pattern);
  if (!parsed.ok) return false;
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === parsed.host) return true;
  if (parsed.wildcard) return h.endsWith('.' + parsed.host);
  return h === 'www.' + parsed.host;
}

/** The first allowlist pattern that matches the host, if any. */
export function findAllowlisted(patterns: readonly string[], hostname: string): string | undefined {
  return patterns.find((p) => matchesSite(p, hostname));
}
