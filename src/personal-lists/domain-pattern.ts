/**
 * Suffixes under which anyone can register, so `*.com.cn` would match thousands of unrelated shops.
 * Not the full Public Suffix List: the common ones for Chinese shoppers, enough to stop a mistake.
 */
const SHARED_SUFFIXES = new Set([
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'com.hk', 'com.tw', 'org.hk', 'net.hk', 'com.mo',
  'co.uk', 'co.jp', 'com.au', 'com.sg',
]);

/** Normalizes a host: lower case, no trailing dot, IDN to punycode (the form URL.hostname gives). */
function normalHost(host: string): string | null {
  try {
    const h = new URL(`http://${host}/`).hostname.replace(/\.$/, '');
    return h && h.includes('.') && !h.startsWith('[') && !/^[\d.]+$/.test(h) ? h : null;
  } catch {
    return null;
  }
}

/**
 * Parses a domain pattern: `shop.example.com` (that host only) or `*.example.com` (the domain and
 * every subdomain). Returns the normalized pattern, or a message saying what is wrong.
 */
export function parseDomainPattern(input: string): { ok: true; pattern: string } | { ok: false; message: string } {
  let text = input.trim().toLowerCase();
  // People paste URLs; take the host from them rather than refuse.
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, message: `"${input}" is not a URL or domain` };
    }
  }
  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  if (/[\s/:?#@\\]/.test(rest)) return { ok: false, message: `"${input}": give a domain only, without path or port` };
  if (rest.includes('*')) return { ok: false, message: `"${input}": a wildcard may only stand first, as in *.example.com` };
  if (wildcard && !rest.includes('.')) return { ok: false, message: `"${input}" would match every site under .${rest}; name the shop's own domain` };
  const host = normalHost(rest);
  if (!host) return { ok: false, message: `"${input}" is not a domain name (example.com or *.example.com)` };
  if (wildcard && SHARED_SUFFIXES.has(host)) {
    return { ok: false, message: `"${input}" would match every site under .${host}; name the shop's own domain` };
  }
  return { ok: true, pattern: wildcard ? `*.${host}` : host };
}

/** Whether a normalized host matches a normalized pattern. */
export function domainMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}

/** Specificity of a pattern for a host: exact beats wildcard, longer wildcard beats shorter. */
export function domainSpecificity(pattern: string): number {
  return pattern.startsWith('*.') ? pattern.length : 10_000 + pattern.length;
}

/** Host of a page URL in the form patterns use, or null for non-http(s) pages. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalHost(u.hostname) : null;
  } catch {
    return null;
  }
}
